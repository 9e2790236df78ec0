package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Pages the bad-input suite ({@link BadPagesParserTest}) found read wrongly or slowly, each reduced to its point: deep
 * nesting (each block walked up all its ancestors, jsoup searched 512 open elements per start tag), many papers with
 * author lines (counting frequencies took time quadratic in the papers), control and bidi override characters (kept
 * in titles, also when an HTML entity spells them), a lone surrogate from an entity, a letterless run as a title.
 */
class AdversarialPagesTest {
    private static final String CARD = "<article><h3><a href=\"https://arxiv.org/abs/2403.01234\">A Paper Deep Down</a></h3>"
            + "<p class=\"abstract\">It is found however deep it stands.</p></article>";

    @Test
    void aPaperUnderAHundredThousandNestedElementsIsRead() {
        String page = "<html><body><main><h1>Mar 11</h1>" + "<div>".repeat(100_000) + CARD + "</div>".repeat(100_000) + "</main></body></html>";
        ParsedPage parsed = html(page);
        assertEquals(List.of("A Paper Deep Down"), parsed.papers().stream().map(PaperEntry::title).toList());
        assertEquals("It is found however deep it stands.", parsed.papers().get(0).abstractText());
        assertEquals("2403.01234", parsed.papers().get(0).arxivId());
    }

    @Test
    void nestingDeepInsideNavigationStaysFrameAndDeepCardsKeepTheirBounds() {
        String page = "<html><body><nav>" + "<div>".repeat(300) + "<article><h3>Not A Paper But Navigation</h3><p>Nothing to read here at all.</p>"
                + "</article>" + "</div>".repeat(300) + "</nav><main><h1>Mar 11</h1>" + "<section><div>".repeat(40) + CARD
                + "<p>Text after the card is no part of its abstract.</p>" + "</div></section>".repeat(40) + "</main></body></html>";
        ParsedPage parsed = html(page);
        assertEquals(List.of("A Paper Deep Down"), parsed.papers().stream().map(PaperEntry::title).toList());
        assertEquals("It is found however deep it stands.", parsed.papers().get(0).abstractText());
    }

    @Test
    void aHundredThousandPapersWithAuthorLinesAreAllRead() {
        StringBuilder page = new StringBuilder("Mar 11\n\n");
        for (int i = 0; i < 100_000; i++) {
            page.append("Paper Number ").append(i).append("\n\nAda Lovelace, Alan Turing\n\nIt shows result ").append(i).append(".\n\n");
        }
        ParsedPage parsed = Pages.parse(page.toString());
        assertEquals(100_000, parsed.papers().size());
        assertEquals("Paper Number 99999", parsed.papers().get(99_999).title());
        assertEquals("It shows result 99999.", parsed.papers().get(99_999).abstractText());
    }

    @Test
    void nulAndOtherControlCharactersAreDroppedAndWhiteSpaceControlsAreSpaces() {
        ParsedPage parsed = Pages.parse("Mar\0 11\n\nT\0i\0t\0l\0e\u0007 One\u000Bgoes\ton\n\nIts abstract\u0000 is here.\u0085Really.\n");
        assertEquals("Title One goes on", parsed.papers().get(0).title());
        assertEquals("Its abstract is here. Really.", parsed.papers().get(0).abstractText());
        assertEquals("2026-03-11", parsed.date().toString());
    }

    @Test
    void bidiControlsAreDroppedFromTextAndFromHtmlEntities() {
        ParsedPage text = Pages.parse("Mar 11\n\n\u202EA Reversed\u202C Title\u2066\n\nAn abstract with an \u2067isolate\u2069.\n");
        assertEquals("A Reversed Title", text.papers().get(0).title());
        assertEquals("An abstract with an isolate.", text.papers().get(0).abstractText());

        ParsedPage html = html("<html><body><main><h1>Mar 11</h1><article><h3>&#x202E;Spoofed&#x202C; Title&#0;&#x1;</h3>"
                + "<p>An abstract &#xD800;with a lone surrogate.</p></article></main></body></html>");
        assertEquals("Spoofed Title\uFFFD", html.papers().get(0).title()); // HTML reads &#0; as U+FFFD
        assertEquals("An abstract \uFFFDwith a lone surrogate.", html.papers().get(0).abstractText());
    }

    @Test
    void aLongRunWithoutALetterIsNoTitle() {
        String page = "<html><body><main><h1>Mar 11</h1><article><h3>" + "&lt;".repeat(5000) + "</h3><p>Whose abstract is this.</p></article>"
                + CARD + "</main></body></html>";
        ParsedPage parsed = html(page);
        assertEquals(List.of("A Paper Deep Down"), parsed.papers().stream().map(PaperEntry::title).toList());
        assertNull(PaperPromises.broken(parsed));
        assertThrows(RejectedPageException.class, () -> Pages.parse("Mar 11\n\n" + "<".repeat(5000) + "\n\n" + "1 ".repeat(400) + "\n"));
    }

    private static ParsedPage html(String page) {
        return Pages.parse(page.getBytes(StandardCharsets.UTF_8), "text/html");
    }
}
