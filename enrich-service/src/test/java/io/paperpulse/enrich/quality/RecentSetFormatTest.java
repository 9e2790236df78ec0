package io.paperpulse.enrich.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Guards the recent labelled set (src/test/resources/recent): every page loads through {@link DevPage}, every label's
 * offsets point at exactly its text, the held-out part is large enough and shares no paper with the dev part or the
 * old dev set, and every paper keeps its source. See docs/labelling-conventions.md.
 */
class RecentSetFormatTest {
    private static final Path RECENT = Path.of("src/test/resources/recent");
    private static final Set<String> TYPES = Set.of("MODEL", "DATASET", "TASK", "ORG", "FRAMEWORK", "METHOD");
    private static final Set<String> KINDS = Set.of("accuracy", "improvement", "params", "cost", "speedup", "tokens",
            "size", "other");

    @Test
    void heldOutHasAtLeastAHundredPapersAndBothPartsTwoHundred() throws IOException {
        int dev = papers(load("dev")).size();
        int heldout = papers(load("heldout")).size();
        assertTrue(heldout >= 100, "held-out papers: " + heldout);
        assertTrue(dev + heldout >= 200, "dev + held-out papers: " + (dev + heldout));
    }

    @Test
    void noPaperIsInTwoPartsOrInTheOldDevSet() throws IOException {
        Set<String> seen = new HashSet<>();
        for (DevPage.Paper p : papers(DevPage.load(Path.of("src/test/resources/devset")))) {
            seen.add(p.title());
        }
        for (DevPage.Paper p : papers(load("dev"), load("heldout"))) {
            assertTrue(seen.add(p.title()), "paper appears twice: " + p.title());
        }
    }

    @Test
    void everyEntitySpanIsItsTextAtItsOffsetsWithWordBoundaries() throws IOException {
        for (DevPage.Paper p : papers(load("dev"), load("heldout"))) {
            for (JsonNode e : p.labels().path("entities")) {
                assertTrue(TYPES.contains(e.path("type").asText()), p.title() + ": type " + e);
                String field = e.path("field").asText();
                String source = switch (field) {
                    case "title" -> p.title();
                    case "abstract" -> p.abstractText();
                    default -> throw new AssertionError(p.title() + ": field " + e);
                };
                assertSpan(source, e, p.title());
            }
        }
    }

    @Test
    void everyMetricSpanIsItsTextInTheAbstractWithAKnownKind() throws IOException {
        for (DevPage.Paper p : papers(load("dev"), load("heldout"))) {
            for (JsonNode m : p.labels().path("metrics")) {
                assertTrue(KINDS.contains(m.path("kind").asText()), p.title() + ": kind " + m);
                assertTrue(m.has("value"), p.title() + ": metric without value " + m);
                assertSpan(p.abstractText(), m, p.title());
            }
        }
    }

    @Test
    void everyLinkIsWrittenInTheAbstract() throws IOException {
        for (DevPage.Paper p : papers(load("dev"), load("heldout"))) {
            for (JsonNode l : p.labels().path("links")) {
                String url = l.asText();
                assertTrue(url.startsWith("https://") || url.startsWith("http://"), p.title() + ": " + url);
                String written = url.replaceFirst("^https?://", "");
                assertTrue(p.abstractText().contains(written), p.title() + ": link not in abstract " + url);
            }
        }
    }

    @Test
    void everyPaperHasItsSourceInThePageSourcesFile() throws IOException {
        for (String part : List.of("dev", "heldout")) {
            for (DevPage page : load(part)) {
                Path sources = RECENT.resolve(part).resolve(page.name() + ".sources.tsv");
                List<String> lines = Files.readAllLines(sources, StandardCharsets.UTF_8);
                assertEquals(page.papers().size(), lines.size(), sources + ": one line per paper");
                for (int i = 0; i < lines.size(); i++) {
                    String[] cols = lines.get(i).split("\t");
                    assertEquals(2, cols.length, sources + " line " + (i + 1));
                    assertEquals(page.papers().get(i).title(), cols[0], sources + " line " + (i + 1));
                    assertTrue(cols[1].startsWith("http"), sources + " line " + (i + 1));
                }
            }
        }
    }

    private static void assertSpan(String source, JsonNode label, String title) {
        String text = label.path("text").asText();
        int start = label.path("start").asInt(-1);
        int end = label.path("end").asInt(-1);
        assertTrue(start >= 0 && end <= source.length() && start < end, title + ": offsets " + label);
        assertEquals(text, source.substring(start, end), title + ": span " + label);
        assertFalse(start > 0 && isWordChar(source.charAt(start - 1)), title + ": glued before " + label);
        assertFalse(end < source.length() && isWordChar(source.charAt(end)), title + ": glued after " + label);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static List<DevPage> load(String part) throws IOException {
        List<DevPage> pages = DevPage.load(RECENT.resolve(part));
        assertFalse(pages.isEmpty(), "no pages in " + part);
        return pages;
    }

    @SafeVarargs
    private static List<DevPage.Paper> papers(List<DevPage>... parts) {
        List<DevPage.Paper> out = new ArrayList<>();
        for (List<DevPage> pages : parts) {
            for (DevPage page : pages) {
                for (DevPage.Paper p : page.papers()) {
                    assertNotNull(p.abstractText(), page.name() + ": no abstract for " + p.title());
                    out.add(p);
                }
            }
        }
        return out;
    }
}
