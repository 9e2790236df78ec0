package io.paperpulse.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every regular expression of the parse package does work linear in its input, whatever the input. Work is counted
 * as the characters the matcher reads: for each pattern, used the way the parser uses it, on families of adversarial
 * inputs at two lengths, four times the length must cost about four times the reads, not sixteen.
 */
class LinearPatternsTest {
    private static final int SHORT = 1_000;
    private static final int LONG = 4 * SHORT;
    /** Linear work grows 4 times from SHORT to LONG, quadratic 16 times; a little slack for constant costs. */
    private static final double MOST_GROWTH = 6;

    /** How the parser applies each pattern: a whole-text match, a search, or a split. */
    private static final Map<String, BiConsumer<Pattern, CharSequence>> USES = Map.of(
            "ArxivIds.REFERENCE", LinearPatternsTest::matches,
            "ChromeLines.COUNTER", LinearPatternsTest::matches,
            "ChromeLines.NUMBER", LinearPatternsTest::matches,
            "ChromeLines.COPYRIGHT_YEAR", LinearPatternsTest::matches,
            "ChromeLines.SEPARATOR", Pattern::split,
            "DateLines.ISO", LinearPatternsTest::matches,
            "DateLines.MONTH_DAY", LinearPatternsTest::matches,
            "DateLines.DAY_MONTH", LinearPatternsTest::matches,
            "Paragraph.SENTENCE_BREAK", (p, text) -> p.matcher(text).find(),
            "HtmlBlock.MARK_SEPARATORS", Pattern::split);
    private static final Map<String, BiConsumer<Pattern, CharSequence>> MORE_USES = Map.of(
            "PaperSplitter.DIGITS", (p, text) -> p.matcher(text).replaceAll("#"));

    private static final List<String> PREFIXES = List.of("", "arxiv", "arXiv:", "[", "https://arxiv.org/abs/", "page ", "1", "copyright 2024 ",
            "mar", "tue, ", "2403.0123");
    private static final List<String> RUNS = List.of(" ", "\t", " \n", "arxiv ", "arxiv", "1", "1 ", "a", "ab. ", "ab.", "page 1 ", "of 1 ",
            "mon ", "| ", "·", "_", "-", "x.", "2403.", "copyright ", "1k ");
    private static final List<String> SUFFIXES = List.of("", "x", "!", ".", "2403.01234", ":");

    @Test
    void everyPatternOfThePackageIsCoveredHere() throws Exception {
        Map<String, BiConsumer<Pattern, CharSequence>> uses = uses();
        assertEquals(new TreeMap<>(uses).keySet(), new TreeMap<>(patternsOfThePackage()).keySet(),
                "a new pattern needs its use listed in USES, so that its work is checked");
    }

    @Test
    void everyPatternDoesLinearWorkOnAdversarialInput() throws Exception {
        Map<String, Pattern> patterns = patternsOfThePackage();
        List<String> superLinear = new ArrayList<>();
        uses().forEach((name, use) -> {
            Pattern pattern = patterns.get(name);
            for (String prefix : PREFIXES) {
                for (String run : RUNS) {
                    for (String suffix : SUFFIXES) {
                        long few = reads(pattern, use, prefix, run, SHORT, suffix);
                        long many = reads(pattern, use, prefix, run, LONG, suffix);
                        if (many > MOST_GROWTH * few + 64) {
                            superLinear.add(name + " on '" + prefix + "' + '" + run + "'... + '" + suffix + "': " + few + " reads at " + SHORT
                                    + " chars, " + many + " at " + LONG);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), superLinear);
    }

    /** The whole parser, text and HTML, on a megabyte of each adversarial run: a hang guard, no timing is asserted. */
    @ParameterizedTest(name = "a megabyte of ''{0}''")
    @ValueSource(strings = {"arxiv", " ", "arxiv:", "1 ", "ab. ", "| ", "page 1 of "})
    void parserGetsThroughAMegabyteOfAdversarialText(String run) {
        String flood = run.repeat(1_000_000 / run.length()) + "x";
        for (String page : List.of("Mar 11\n\n" + flood, "Mar 11\n\nA Title\n\n" + flood + "\n\n" + flood,
                "Mar 11\n\n" + ("arxiv" + " ".repeat(10_000) + "x\n\n").repeat(100),
                "<html><body><h3>A Title</h3><p>" + flood + "</p></body></html>")) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    assertTrue(Pages.parse(page.getBytes(StandardCharsets.UTF_8), page.startsWith("<") ? "text/html" : "text/plain").papers().size() >= 0);
                } catch (RejectedPageException refused) {
                    assertTrue(refused.getMessage().startsWith("no paper found"), refused.getMessage());
                }
            });
        }
    }

    private static long reads(Pattern pattern, BiConsumer<Pattern, CharSequence> use, String prefix, String run, int length, String suffix) {
        CountingChars text = new CountingChars(prefix + run.repeat(length / run.length()) + suffix);
        use.accept(pattern, text);
        return text.reads;
    }

    private static void matches(Pattern pattern, CharSequence text) {
        Matcher m = pattern.matcher(text);
        m.matches();
    }

    private static Map<String, BiConsumer<Pattern, CharSequence>> uses() {
        Map<String, BiConsumer<Pattern, CharSequence>> all = new TreeMap<>(USES);
        all.putAll(MORE_USES);
        return all;
    }

    /** Every static Pattern field of every class of the parse package, by "Class.FIELD". */
    private static Map<String, Pattern> patternsOfThePackage() throws ReflectiveOperationException, URISyntaxException {
        String pkg = DigestParser.class.getPackageName();
        File dir = new File(DigestParser.class.getResource(DigestParser.class.getSimpleName() + ".class").toURI()).getParentFile();
        Map<String, Pattern> patterns = new TreeMap<>();
        for (String file : dir.list((d, name) -> name.endsWith(".class"))) {
            Class<?> type = Class.forName(pkg + "." + file.substring(0, file.length() - ".class".length()));
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Pattern.class) {
                    field.setAccessible(true);
                    patterns.put(type.getSimpleName() + "." + field.getName(), (Pattern) field.get(null));
                }
            }
        }
        return patterns;
    }

    /** Text that counts the characters read from it. */
    private static final class CountingChars implements CharSequence {
        private final String text;
        long reads;

        CountingChars(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
