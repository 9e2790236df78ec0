package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture page gives exactly its expected papers: titles, abstracts, arXiv ids, date, duplicates. */
class FixturePagesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/basic.txt", "text/cut-off-last-title.txt", "text/chrome-after-last-paper.txt",
            "text/duplicates.txt", "text/unicode.txt", "text/metadata-lines.txt", "text/wrapped-lines.txt",
            "text/no-date-line.txt", "text/missing-middle-abstract.txt", "text/no-blank-between-title-and-abstract.txt",
            "text/stars-under-abstracts.txt", "text/authors-under-titles.txt",
            "html/hf-daily-papers.html", "html/plain-list.html", "html/link-list.html"})
    void fixtureGivesExactlyItsPapers(String fixture) {
        assertPage(Pages.Expected.of(fixture), Pages.parse(Pages.fixture(fixture), null));
    }

    /** The same page, however its bytes are laid out, gives the same papers. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void layoutOfTheBytesChangesNothing(String layout, UnaryOperator<String> change) {
        for (String fixture : new String[] {"text/basic.txt", "text/cut-off-last-title.txt", "text/unicode.txt"}) {
            ParsedPage page = Pages.parse(change.apply(Pages.text(fixture)));
            assertPage(Pages.Expected.of(fixture), page);
        }
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("CRLF line ends", (UnaryOperator<String>) s -> s.replace("\n", "\r\n")),
                Arguments.of("CR line ends", (UnaryOperator<String>) s -> s.replace("\n", "\r")),
                Arguments.of("UTF-8 byte order mark", (UnaryOperator<String>) s -> "\uFEFF" + s),
                Arguments.of("trailing spaces and tabs", (UnaryOperator<String>) s -> s.replace("\n", " \t  \n")),
                Arguments.of("lines indented with tabs", (UnaryOperator<String>) s -> s.replace("\n", "\n\t")),
                Arguments.of("several blank lines, some with spaces", (UnaryOperator<String>) s -> s.replace("\n\n", "\n\n \n\t\n\u00A0\n")),
                Arguments.of("no final newline", (UnaryOperator<String>) String::stripTrailing),
                Arguments.of("all of them at once", (UnaryOperator<String>) s -> "\uFEFF" + s.replace("\n\n", "\n \n\n").replace("\n", "\t \r\n").stripTrailing()));
    }

    @Test
    void decomposedTextIsStoredInNfc() {
        String fixture = "text/unicode.txt";
        String decomposed = Normalizer.normalize(Pages.text(fixture), Normalizer.Form.NFD);
        ParsedPage page = Pages.parse(decomposed);
        assertPage(Pages.Expected.of(fixture), page);
        assertEquals(Pages.Expected.of(fixture).papers().get(0).abstractText(), page.papers().get(0).abstractText());
    }

    @Test
    void sampleGivesItsSixtyTwoPapersExactly() {
        ParsedPage page = Pages.parse(Pages.sample(), null);
        assertEquals(Pages.samplePapers(), page.papers().stream().map(p -> new Pages.SamplePaper(p.title(), p.abstractText())).toList());
        assertEquals(0, page.duplicatesInPage());
        assertEquals("2026-03-11", page.date().toString());
    }

    @Test
    void htmlSavedAsTextIsStillReadAsHtml() {
        ParsedPage page = Pages.parse(Pages.fixture("html/link-list.html"), "text/plain; charset=utf-8");
        assertEquals("html", page.format());
        assertPage(Pages.Expected.of("html/link-list.html"), page);
    }

    @Test
    void textDeclaredAsHtmlIsReadAsText() {
        ParsedPage page = Pages.parse(Pages.fixture("text/basic.txt"), "text/html");
        assertEquals("text", page.format());
        assertPage(Pages.Expected.of("text/basic.txt"), page);
    }

    static void assertPage(Pages.Expected expected, ParsedPage page) {
        assertEquals(expected.papers(), page.papers());
        assertEquals(expected.date(), page.date());
        assertEquals(expected.duplicatesInPage(), page.duplicatesInPage());
    }
}
