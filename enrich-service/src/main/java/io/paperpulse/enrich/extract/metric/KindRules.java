package io.paperpulse.enrich.extract.metric;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import io.paperpulse.enrich.extract.text.WordWindow;

/**
 * A quantity's kind and sign from its unit and the words around it ({@code extract/metric/*.txt}): "3x faster" is a
 * speedup, "40% lower memory" a negative cost, "by 3.6%" an improvement, "1% of the labels" a data fraction.
 */
final class KindRules {
    static final String ACCURACY = "accuracy";
    static final String IMPROVEMENT = "improvement";
    static final String PARAMS = "params";
    static final String COST = "cost";
    static final String SPEEDUP = "speedup";
    static final String TOKENS = "tokens";
    static final String SIZE = "size";
    static final String OTHER = "other";

    private KindRules() {
    }

    static String kind(String text, int s, int e, Unit unit, boolean plus) {
        String[] before = WordWindow.before(text, s, 8, MetricWords.POOL);
        String[] after = WordWindow.after(text, unit == Unit.SCALE ? e : UnitReader.skipCoordinated(text, e), 5, MetricWords.POOL);
        switch (unit) {
            case MONEY:
            case COMPUTE:
                return COST;
            case TIME_COST:
                return after.length > 0 && after[0].equals("of") ? SIZE : COST;
            case LATENCY:
            case BITS:
                return OTHER;
            case MEMORY:
                return any(before, MetricWords.COST_WORDS) || any(after, MetricWords.COST_WORDS) ? COST : SIZE;
            case POINTS:
                return IMPROVEMENT;
            case FRACTION:
                if (firstAny(after, 4, MetricWords.COST_WORDS) || anyStem(before, MetricWords.COST_STEMS)) {
                    return COST;
                }
                return anyStem(before, MetricWords.PARAM_STEMS) || firstAny(after, 4, MetricWords.PARAM_NOUNS) ? PARAMS : OTHER;
            case SCALE: {
                String span = text.substring(s, e).toLowerCase(Locale.ROOT);
                for (int k = 0; k < after.length && k < 3; k++) {
                    if (after[k].equals("per")) {
                        return OTHER;
                    }
                }
                if (endsWithAny(span, MetricWords.PARAM_NOUNS)) {
                    return PARAMS;
                }
                if (endsWithAny(span, MetricWords.TOKEN_NOUNS)) {
                    return TOKENS;
                }
                if (endsWithAny(span, MetricWords.DATA_NOUNS)) {
                    return SIZE;
                }
                if (after.length > 0 && (isModelNoun(after[0]) || after[0].startsWith("param"))
                        || after.length > 1 && isModelNoun(after[1]) && !MetricWords.DATA_NOUNS.contains(after[0])) {
                    return PARAMS; // "a 7B model", "a 3B language model"
                }
                if (after.length > 0 && (after[0].equals("activated") || after[0].equals("active"))
                        && !(after.length > 1 && MetricWords.DATA_NOUNS.contains(after[1]))) {
                    return PARAMS; // a mixture of experts: "53.3B total parameters and 13.3B activated", "3B active"
                }
                for (int k = 0; k < after.length && k < 3; k++) {
                    if (MetricWords.PARAM_NOUNS.contains(after[k])) {
                        return PARAMS;
                    }
                    if (MetricWords.TOKEN_NOUNS.contains(after[k])) {
                        return TOKENS;
                    }
                }
                if (after.length > 0 && (MetricWords.EXCLUDED_NOUNS.contains(after[0]) || after[0].equals("benchmark"))) {
                    return null;
                }
                return SIZE;
            }
            case TIMES:
                if (any(before, MetricWords.SPEED_WORDS) || firstAny(after, 3, MetricWords.SPEED_WORDS)) {
                    return SPEEDUP;
                }
                if (firstAny(after, 3, MetricWords.COST_WORDS) || firstAny(before, 3, MetricWords.COST_WORDS)) {
                    return COST;
                }
                if (after.length > 0 && (after[0].equals("smaller") || after[0].equals("larger")
                        || after[0].equals("bigger"))) {
                    return SIZE;
                }
                return IMPROVEMENT;
            case PERCENT:
            case DECIBELS: // a score ("32.1 dB PSNR") or a gain ("a PSNR improvement of 2.08 dB"), as a percentage is
            default:
                return percentKind(before, after, plus);
        }
    }

    private static String percentKind(String[] before, String[] after, boolean plus) {
        if (plus) {
            return IMPROVEMENT;
        }
        String a0 = after.length > 0 ? after[0] : "";
        String a1 = after.length > 1 ? after[1] : "";
        String prev = before.length > 0 ? before[before.length - 1] : "";
        if (MetricWords.DOWN_AFTER.contains(a0) || MetricWords.DOWN_AFTER.contains(a1) && (a0.equals("relative") || a0.equals("absolute"))
                || after.length > 2 && (after[2].equals("loss") || after[2].equals("drop")) && !any(after, MetricWords.UP_AFTER)) {
            return downKind(after, before);
        }
        // "a 14.4% average improvement", "13.3% performance gain", "a 3.8% enhancement"
        boolean gainAfter = MetricWords.IMPROVE_NOUNS.contains(a1) && !a0.equals("of") && !a0.equals("and") && !a0.equals("or")
                || MetricWords.IMPROVE_NOUNS.contains(a0) && !a0.startsWith("outperform");
        // "0.9% mIoU better than SeaFormer", "1.2% accuracy higher": a score named between number and comparison
        boolean scoreThenUp = MetricWords.SCORE_NAMES.contains(a0) && MetricWords.UP_AFTER.contains(a1) && !a1.startsWith("over");
        if (MetricWords.UP_AFTER.contains(a0) || gainAfter || scoreThenUp
                || MetricWords.UP_AFTER.contains(a1) && (a0.equals("relative") || a0.equals("absolute"))) {
            if (firstAny(after, 3, MetricWords.SPEED_WORDS)) {
                return SPEEDUP;
            }
            return firstAny(after, 3, MetricWords.COST_WORDS) ? COST : IMPROVEMENT;
        }
        if (a0.equals("trainable") || MetricWords.PARAM_NOUNS.contains(a0)) {
            return PARAMS;
        }
        if (a0.equals("of") && (a1.equals("the") || a1.equals("their") || a1.equals("its"))
                && after.length > 2 && (after[2].equals("accuracy") || after[2].equals("performance"))) {
            return ACCURACY;
        }
        // "50% of evaluated interactions", "1% of the labels": a share of something; "within 6% of the baseline" a gap
        if (a0.equals("of") && !a1.equals("accuracy") && !MetricWords.SCORE_NAMES.contains(a1)) {
            return prev.equals("within") ? IMPROVEMENT : OTHER;
        }
        // "retaining 99% performance", "95% performance retention": a share of a reference, not a score
        if (a0.equals("performance") && (a1.startsWith("retention") || anyStem(lastWords(before, 2), RETAIN_STEMS))) {
            return OTHER;
        }
        if (decreaseOfBefore(before)) { // "cost reductions of up to 85%"
            return any(lastWords(before, 6), MetricWords.COST_WORDS) ? COST : downKind(after, before);
        }
        if (a0.equals("inference") || firstAny(after, 2, MetricWords.COST_WORDS)) {
            return any(before, MetricWords.SAVING_VERBS) || any(before, MetricWords.REDUCING_VERBS)
                    || anyStem(before, MetricWords.DOWN_STEMS) ? COST : ACCURACY;
        }
        if (any(before, MetricWords.SAVING_VERBS)) {
            return COST;
        }
        if (lastAny(before, 3, MetricWords.SPEED_WORDS)) {
            return SPEEDUP;
        }
        if (byBefore(before)) {
            if (anyStem(before, MetricWords.DOWN_STEMS)) {
                return downKind(after, before);
            }
            return IMPROVEMENT;
        }
        if (lastAny(before, prev.equals("of") ? 6 : 4, MetricWords.IMPROVE_NOUNS)) {
            return IMPROVEMENT;
        }
        if (lastAny(before, 4, MetricWords.DATA_CONTEXT)) {
            return OTHER;
        }
        return ACCURACY;
    }

    /** The kind of a decrease: of cost, size or latency, else of quality. */
    private static String downKind(String[] after, String[] before) {
        int cut = 0;
        while (cut < after.length && !after[cut].equals("and") && !after[cut].equals("while")
                && !after[cut].equals("with") && !after[cut].equals("compared")) {
            cut++;
        }
        String[] near = concat(Arrays.copyOf(after, cut), lastWords(before, 4));
        if (any(near, MetricWords.COST_WORDS)) {
            return COST;
        }
        if (any(near, MetricWords.SIZE_WORDS)) {
            return SIZE;
        }
        if (any(near, MetricWords.LATENCY_WORDS)) {
            return OTHER;
        }
        return IMPROVEMENT;
    }

    static boolean negative(String text, int s, int e, String kind) {
        if (kind.equals(ACCURACY) || kind.equals(PARAMS) || kind.equals(TOKENS) || kind.equals(SPEEDUP)) {
            return false;
        }
        String[] after = WordWindow.after(text, UnitReader.skipCoordinated(text, e), 3, MetricWords.POOL);
        String[] before = WordWindow.before(text, s, 8, MetricWords.POOL);
        String a0 = after.length > 0 ? after[0] : "";
        String a1 = after.length > 1 ? after[1] : "";
        if (MetricWords.DOWN_AFTER.contains(a0) || (a0.equals("relative") || a0.equals("absolute")) && MetricWords.DOWN_AFTER.contains(a1)
                || a0.equals("storage") && a1.equals("reduction")) {
            return true;
        }
        if (firstAny(after, 3, MetricWords.DECREASE_NOUNS)) {
            return true;
        }
        boolean within = before.length > 0 && before[before.length - 1].equals("within") && a0.equals("of");
        if (any(before, MetricWords.SAVING_VERBS) || decreaseOfBefore(before) || within) {
            return true;
        }
        return byBefore(before) && anyStem(before, MetricWords.DOWN_STEMS);
    }

    private static final String[] RETAIN_STEMS = {"retain", "maintain", "preserv"};

    /** "reductions of up to 85%", "a drop of 3%": a decrease noun, "of" and fillers right before the number. */
    private static boolean decreaseOfBefore(String[] before) {
        for (int k = before.length - 1; k >= 1 && k >= before.length - 4; k--) {
            if (before[k].equals("of")) {
                return MetricWords.DECREASE_NOUNS.contains(before[k - 1]);
            }
            if (!MetricWords.BY_FILLERS.contains(before[k])) {
                return false;
            }
        }
        return false;
    }

    private static boolean byBefore(String[] before) {
        for (int k = before.length - 1; k >= 0 && k >= before.length - 4; k--) {
            String w = before[k];
            if (w.equals("by")) {
                return true;
            }
            if (!MetricWords.BY_FILLERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isModelNoun(String w) {
        return w.equals("model") || w.equals("models") || w.equals("llm") || w.equals("llms");
    }

    private static String[] lastWords(String[] words, int n) {
        return Arrays.copyOfRange(words, Math.max(0, words.length - n), words.length);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static boolean anyStem(String[] words, String[] stems) {
        for (String w : words) {
            for (String s : stems) {
                if (w.startsWith(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean any(String[] words, Set<String> set) {
        for (String w : words) {
            if (set.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstAny(String[] words, int n, Set<String> set) {
        for (int k = 0; k < words.length && k < n; k++) {
            if (set.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean lastAny(String[] words, int n, Set<String> set) {
        for (int k = words.length - 1; k >= 0 && k >= words.length - n; k--) {
            if (set.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String span, Set<String> nouns) {
        for (String noun : nouns) {
            int before = span.length() - noun.length() - 1;
            if (before >= 0 && span.endsWith(noun) && (span.charAt(before) == ' ' || span.charAt(before) == '-')) {
                return true;
            }
        }
        return false;
    }
}
