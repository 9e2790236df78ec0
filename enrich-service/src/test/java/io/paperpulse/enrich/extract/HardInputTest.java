package io.paperpulse.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.Entity;

/**
 * Inputs that break naive extractors: nothing crashes, and time grows linearly with length (checked by the ratio of
 * the CPU times of two sizes, never by an absolute time).
 */
class HardInputTest {
    private static final PaperExtractor X = Seed.EXTRACTOR;
    private static final String SENTENCE = "We propose FooNet-7 (Foo Network), a model with 109M parameters that "
            + "improves BERT on ImageNet by 3.5% (see https://github.com/a/b). ";

    @Test
    void emptyAndNullFields() {
        for (String[] p : new String[][] {{null, null}, {"", ""}, {"Only a title: BERT", null}, {null, "BERT"}, {" ", " "}}) {
            Extraction x = X.extract(p[0], p[1]);
            assertNotNull(x.entities());
            assertNotNull(x.links());
            assertNotNull(x.metrics());
            assertNotNull(x.stats());
        }
        assertEquals(0, X.extract(null, null).stats().words());
    }

    @Test
    void oneMegabyteAbstract() {
        String big = SENTENCE.repeat(1_000_000 / SENTENCE.length() + 1);
        Extraction x = X.extract("A title", big);
        assertTrue(x.entities().size() < 20, "one entry per distinct surface form");
        assertEquals(1, x.links().size());
    }

    @Test
    void hundredThousandDigits() {
        char[] digits = new char[100_000];
        Arrays.fill(digits, '7');
        Extraction x = X.extract("Digits", new String(digits) + "% and " + new String(digits));
        assertTrue(x.metrics().isEmpty(), x.metrics().toString());
    }

    @Test
    void tenThousandNestedParentheses() {
        String deep = "(".repeat(10_000) + "BERT (B) x" + ")".repeat(10_000);
        X.extract("Deep", deep);
        X.extract("Deep", "(A".repeat(10_000) + "BC)".repeat(10_000));
        X.extract("Deep", "https://x.org/" + "(".repeat(10_000) + ")".repeat(9_999));
    }

    @Test
    void mixedScripts() {
        String text = "我们提出了 BERT-中文 模型，在 ImageNet 上达到 85.2% 的准确率。 نموذج BERT العربي يحقق 3× تسريع. "
                + "Emoji 🚀🔥 BERT🚀 GPT-4🙂 with 10× speed. 𝔅𝔈ℜ𝔗 and ＢＥＲＴ and e\u0301 (Ä) https://例え.jp/パス";
        Extraction x = X.extract("多语言 Title 🚀", text);
        for (Entity e : x.entities()) {
            String field = e.field().equals(Entity.TITLE) ? "多语言 Title 🚀" : java.text.Normalizer.normalize(text,
                    java.text.Normalizer.Form.NFC);
            assertEquals(e.text(), field.substring(e.start(), e.end()));
        }
        assertTrue(x.entities().stream().anyMatch(e -> e.text().equals("ImageNet")), x.entities().toString());
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            char[] c = new char[r.nextInt(400)];
            for (int k = 0; k < c.length; k++) {
                c[k] = r.nextInt(4) == 0 ? (char) r.nextInt(0x3000) : "aB1 .,-%()x$\\\n".charAt(r.nextInt(14));
            }
            X.extract(new String(c, 0, c.length / 4), new String(c));
        }
    }

    @Test
    void timeIsLinearInLength() {
        check(n -> SENTENCE.repeat(n / SENTENCE.length() + 1), "prose");
        check(n -> "9".repeat(n), "digits");
        check(n -> "(".repeat(n / 2) + ")".repeat(n / 2), "parentheses");
        check(n -> "A (".repeat(n / 3), "open parentheses");
        check(n -> "Ab1-".repeat(n / 4), "one long compound token");
        check(n -> "x.".repeat(n / 2), "dots");
        check(n -> "We propose Ab (".repeat(n / 15), "definitions");
    }

    /**
     * 16 times the input may take at most 48 times as long: a quadratic scan would take 256 times. Measured in this
     * thread's CPU time, best of five, so that other processes on a shared machine do not count; a round that still
     * exceeds the bound is measured again, twice at most.
     */
    private static void check(IntFunction<String> input, String what) {
        int small = 40_000;
        String a = input.apply(small);
        String b = input.apply(small * 16);
        for (int i = 0; i < 3; i++) {
            X.extract("t", a);
            X.extract("t", b);
        }
        double ratio = Double.MAX_VALUE;
        for (int round = 0; round < 3 && ratio >= 48; round++) {
            ratio = Math.min(ratio, best(b) / (double) Math.max(best(a), 1));
        }
        assertTrue(ratio < 48, what + ": 16x the length took " + ratio + "x the CPU time");
    }

    private static long best(String text) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            X.extract("t", text);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }
}
