package io.paperpulse.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rendering random papers to the text format (chrome, a date line, title and abstract paragraphs, chrome) and parsing
 * the page back gives the same papers, in order: any script, punctuation, LaTeX, emoji, symbols outside the BMP, long
 * abstracts, and the last paper without its abstract.
 */
class TextRoundTripPropertyTest {
    private static final String[] HEADER = {"new", "Get trending papers in your email inbox!", "Subscribe", "byAK and the research community"};
    private static final String[] FOOTER = {"Load more", "© 2026 Hugging Face", "Terms", "Privacy"};

    record Paper(String title, String abstractText) {
    }

    @Property(tries = 300, seed = "20261202") // fixed, so that a failure replays; jqwik prints it with each report
    void renderedPapersParseBackTheSame(@ForAll("pages") List<Paper> papers, @ForAll boolean lastWithoutAbstract,
            @ForAll boolean footer, @ForAll("lineEnds") String lineEnd) {
        List<Paper> expected = distinct(papers, lastWithoutAbstract);
        String page = render(expected, footer, lineEnd);

        PageInput input = new PageInput(page.getBytes(StandardCharsets.UTF_8), "text/plain", null, Pages.RECEIVED);
        if (expected.stream().allMatch(p -> p.abstractText() == null)) { // one title alone is no digest
            Assertions.assertThrows(RejectedPageException.class, () -> new DigestParser().parse(input));
            return;
        }
        ParsedPage parsed = new DigestParser().parse(input);

        Assertions.assertEquals(expected, parsed.papers().stream().map(p -> new Paper(p.title(), p.abstractText())).toList(), page);
        Assertions.assertEquals("2026-03-11", parsed.date().toString());
    }

    @Provide
    Arbitrary<List<Paper>> pages() {
        return Combinators.combine(titles(), abstracts()).as(Paper::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    private static Arbitrary<String> titles() {
        Arbitrary<String> word = Arbitraries.oneOf(capitalised(), symbols(), Arbitraries.of("GPT-4", "3D", "v1.5", "(ViT)", "Σ-Δ", "𝒪(√n)", "🤗"));
        // a title names something: at least one word of letters among the symbols
        return Combinators.combine(word.list().ofMaxSize(8), capitalised(), word.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of("", ":", "?", "!"))
                .as((before, named, after, end) -> String.join(" ", before) + (before.isEmpty() ? "" : " ") + named + " "
                        + String.join(" ", after) + end);
    }

    private static Arbitrary<String> abstracts() {
        Arbitrary<String> word = Arbitraries.oneOf(lower(), lower(), symbols(),
                Arbitraries.of("$\\mathcal{O}(n^2)$", "\\textbf{x}", "🚀", "𝔼[𝑋]", "≤", "https://github.com/org/repo", "(BERT)", "3.5%", "e.g.", "深度学习"));
        Arbitrary<String> sentence = Combinators.combine(capitalised(), word.list().ofMinSize(2).ofMaxSize(30))
                .as((first, rest) -> first + " " + String.join(" ", rest) + ".");
        return sentence.list().ofMinSize(1).ofMaxSize(12).map(s -> String.join(" ", s));
    }

    private static Arbitrary<String> capitalised() {
        return Combinators.combine(Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖΑΒΓΔЖЯ").ofLength(1), lower())
                .as((a, b) -> a + b);
    }

    private static Arbitrary<String> lower() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéèüñçøαβγδλπжя").ofMinLength(2).ofMaxLength(12);
    }

    private static Arbitrary<String> symbols() {
        return Arbitraries.of("-", "—", "&", "+", "/", "×", "→", "∀x", "x²", "10⁻³", "✓", "👩‍🔬");
    }

    /** Titles that normalise alike are one paper: keep the first, so the expected list is what the page means. */
    private static List<Paper> distinct(List<Paper> papers, boolean lastWithoutAbstract) {
        Map<String, Paper> byId = new LinkedHashMap<>();
        papers.forEach(p -> byId.putIfAbsent(PaperIds.fromTitle(p.title()), p));
        List<Paper> result = new ArrayList<>(byId.values());
        if (lastWithoutAbstract) {
            result.set(result.size() - 1, new Paper(result.get(result.size() - 1).title(), null));
        }
        return result;
    }

    private static String render(List<Paper> papers, boolean footer, String lineEnd) {
        List<String> paragraphs = new ArrayList<>(List.of(HEADER));
        paragraphs.add("Mar 11");
        for (Paper p : papers) {
            paragraphs.add(p.title());
            if (p.abstractText() != null) {
                paragraphs.add(p.abstractText());
            }
        }
        if (footer) {
            paragraphs.addAll(List.of(FOOTER));
        }
        return String.join(lineEnd + lineEnd, paragraphs);
    }
}
