package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.paperpulse.ingest.parse.RejectedPageException.Kind;

/** Pages the parser refuses, each with its kind and a reason a user can act on. */
class RejectedPagesTest {

    @Test
    void invalidUtf8SaysWhere() {
        byte[] page = {'M', 'a', 'r', ' ', '1', '1', '\n', (byte) 0xC3, (byte) 0x28};
        RejectedPageException e = assertThrows(RejectedPageException.class, () -> Pages.parse(page, "text/plain"));
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("the page is not valid UTF-8: malformed byte sequence at byte 7", e.getMessage());
    }

    @ParameterizedTest(name = "no paper in ''{0}''")
    @ValueSource(strings = {"", "  \n\t\r\n", "\uFEFF", "Mar 11", "hello", "Mar 11\n\nOnly a title, no abstract anywhere",
            "Load more\n\n© 2024 Hugging Face\n\nTerms", "<html><body><nav><a href='/'>Home</a></nav></body></html>"})
    void pagesWithoutPapers(String page) {
        RejectedPageException e = assertThrows(RejectedPageException.class, () -> Pages.parse(page));
        assertEquals(Kind.NO_PAPERS, e.kind());
        assertTrue(e.getMessage().startsWith("the page is empty") || e.getMessage().startsWith("no paper found"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"application/json", "application/pdf", "application/x-www-form-urlencoded", "image/png", "text/csv"})
    void unsupportedMediaTypes(String type) {
        byte[] page = "Mar 11\n\nTitle\n\nAbstract.".getBytes(StandardCharsets.UTF_8);
        RejectedPageException e = assertThrows(RejectedPageException.class, () -> Pages.parse(page, type));
        assertEquals(Kind.UNSUPPORTED_MEDIA_TYPE, e.kind());
        assertTrue(e.getMessage().contains(type), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is read")
    @ValueSource(strings = {"text/plain", "TEXT/PLAIN; charset=UTF-8", "text/html; charset=utf-8", "application/xhtml+xml"})
    void supportedMediaTypes(String type) {
        byte[] page = "Mar 11\n\nA Title\n\nIts abstract.".getBytes(StandardCharsets.UTF_8);
        assertEquals("A Title", Pages.parse(page, type).papers().get(0).title());
    }

    @Test
    void shortPagesStillAlternateTitleAndAbstract() {
        ParsedPage page = Pages.parse("Mar 12\n\nA Title Nobody Used Before\n\nIts abstract\n\nSecond Title\n\nSecond abstract");
        assertEquals(2, page.papers().size());
        assertEquals("Its abstract", page.papers().get(0).abstractText());
        assertEquals("Second abstract", page.papers().get(1).abstractText());
    }

    @Test
    void shortLastAbstractIsKeptWhenThePageHasShortAbstracts() {
        ParsedPage page = Pages.parse("Mar 12\n\nFirst Title\n\nFirst abstract.\n\nSecond Title\n\nSecond abstract");
        assertEquals("Second abstract", page.papers().get(1).abstractText());
    }
}
