package io.paperpulse.enrich.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.Metric;

/**
 * Finds the reported quantities of an abstract with a single left-to-right scan (no regular expressions): a number,
 * what stands before it ({@code $}, a LaTeX remnant such as {@code \800} or {@code sim0.6}, a sign) and what follows
 * it (%, x, ×, times, -fold, a scale word, a unit, "points"), then the words around it for the kind and the sign.
 * Each distinct span once. Linear in the text length.
 */
final class MetricExtractor {
    static final String ACCURACY = "accuracy";
    static final String IMPROVEMENT = "improvement";
    static final String PARAMS = "params";
    static final String COST = "cost";
    static final String SPEEDUP = "speedup";
    static final String TOKENS = "tokens";
    static final String SIZE = "size";
    static final String OTHER = "other";

    private enum Unit { PERCENT, TIMES, SCALE, TIME_COST, LATENCY, MEMORY, COMPUTE, POINTS, BITS, MONEY, FRACTION }

    private static final String[] LATEX_PREFIXES = {"sim", "approx", "le", "leq", "ge", "geq", "lt", "gt"};
    private static final Set<String> PARAM_NOUNS = Set.of("parameters", "parameter", "params", "param", "weights");
    private static final Set<String> TOKEN_NOUNS = Set.of("tokens", "token", "subwords", "words");
    private static final Set<String> DATA_NOUNS = Set.of("examples", "samples", "images", "pairs", "questions",
            "documents", "sentences", "judgments", "judgements", "annotations", "instances", "videos", "decisions",
            "articles", "papers", "records", "items", "conversations", "dialogues", "dialogs", "texts", "passages",
            "queries", "clips", "utterances", "frames", "labels", "captions", "molecules", "proteins", "graphs",
            "nodes", "edges", "triples", "entities", "users", "photos", "programs", "problems", "files",
            "repositories", "lines", "hours", "rows", "cases", "patients", "reviews", "tweets", "posts", "pages");
    private static final Set<String> EXCLUDED_NOUNS = Set.of("tasks", "task", "datasets", "dataset", "benchmarks",
            "models", "languages", "layers", "layer", "heads", "epochs", "classes", "categories", "years", "year",
            "experiments", "domains", "applications", "baselines", "methods", "runs", "seeds", "subjects");
    private static final Set<String> SCORE_NAMES = Set.of("f1", "accuracy", "bleu", "rouge", "auc", "map", "em",
            "score", "scores", "precision", "recall", "perplexity", "ppl", "mrr", "ndcg", "wer", "cer", "iou", "miou", "ap",
            "auroc", "spearman", "pearson", "correlation", "kappa", "fid", "psnr", "ssim", "top-1", "top-5");

    private static final Set<String> SPEED_WORDS = Set.of("faster", "speedup", "speedups", "speed-up", "speed-ups",
            "speeds", "speed", "accelerates", "acceleration", "accelerate", "quicker", "throughput");
    private static final Set<String> COST_WORDS = Set.of("compute", "cost", "costs", "memory", "cheaper", "flops",
            "gflops", "tflops", "budget", "computation", "computational", "energy", "gpu", "gpus", "training-time",
            "resources", "storage", "footprint", "inference-time", "power", "macs");
    private static final Set<String> IMPROVE_WORDS = Set.of("improvement", "improvements", "improve", "improves",
            "improved", "improving", "gain", "gains", "increase", "increases", "increased", "boost", "boosts",
            "boosted", "higher", "better", "outperforms", "outperform", "outperforming", "surpassing", "surpasses",
            "surpass", "more", "above", "advantage", "margin", "relative", "absolute", "up");
    private static final Set<String> DECREASE_WORDS = Set.of("decrease", "decreases", "drop", "drops", "lower",
            "less", "degradation", "reduction", "reduce", "reduces", "reduced", "reducing", "fewer", "smaller",
            "saves", "save", "saving", "savings", "below", "down", "loss", "cut", "cuts", "lowering");
    private static final Set<String> HYPHEN_UNITS = Set.of("bit", "byte", "layer", "step");
    private static final Set<String> DOWN_AFTER = Set.of("lower", "less", "fewer", "reduction", "reductions",
            "decrease", "drop", "smaller", "loss", "degradation", "worse", "cheaper", "shorter", "below");
    private static final Set<String> UP_AFTER = Set.of("higher", "better", "more", "improvement", "improvements",
            "gain", "gains", "increase", "boost", "above", "faster", "over", "speedup", "speed-up");
    private static final Set<String> IMPROVE_NOUNS = Set.of("improvement", "improvements", "gain", "gains",
            "increase", "boost", "outperforms", "outperforming", "superior", "improves", "improved", "margin");
    private static final Set<String> DATA_CONTEXT = Set.of("examples", "labels", "labeled", "labelled", "data",
            "samples", "class", "annotations", "subset");
    private static final Set<String> BY_FILLERS = Set.of("up", "to", "at", "least", "about", "around",
            "approximately", "roughly", "over", "nearly", "almost", "only", "further", "an", "average", "of", "on",
            "more", "than", "as", "much");
    private static final String[] DOWN_STEMS = {"reduc", "decreas", "cut", "lower", "sav", "drop", "shrink", "compress"};
    private static final String[] CHANGE_STEMS = {"improv", "increas", "boost", "rais", "reduc", "decreas", "drop",
        "lift", "grow", "rise", "jump", "go"};
    private static final String[] COST_STEMS = {"comput", "cost", "flop", "memory", "budget"};
    private static final String[] PARAM_STEMS = {"param"};
    private static final Set<String> FRACTION_WORDS = Set.of("labels", "labeled", "labelled", "data", "training",
            "samples", "examples", "trainable", "parameters", "dataset", "images", "tokens", "annotations", "budget",
            "subset", "fraction", "ratio", "sparsity", "pruned", "of");

    List<Metric> extract(String text, List<Entity> entities) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Scan scan = new Scan(text, entities);
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c) || i > 0 && Chars.isDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int next = scan.number(i);
            i = Math.max(next, i + 1);
        }
        return scan.out;
    }

    private record Suffix(Unit unit, int end, double scale) {
    }

    /** The state of one abstract's scan: what was found, and the last quantity for coordinations. */
    private final class Scan {
        final String text;
        final List<Entity> entities;
        final List<Metric> out = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> seenValues = new HashSet<>();
        String lastKind;
        int lastEnd = -1;
        boolean lastChange;
        boolean lastNegative;
        Unit lastUnit;

        Scan(String text, List<Entity> entities) {
            this.text = text;
            this.entities = entities;
        }

        void add(String kind, int s, int e, Double value) {
            String span = text.substring(s, e);
            lastKind = kind;
            lastEnd = e;
            if (!seen.add(span) || value != null && !seenValues.add(kind + "|" + value)) {
                return;
            }
            out.add(new Metric(kind, span, value, s, e));
        }

        /** Reads the number starting at {@code i}; adds a metric when it is one; returns where scanning resumes. */
        int number(int i) {
            int len = text.length();
            int spanStart = i;
            boolean money = false;
            boolean plus = false;
            boolean minus = false;
            boolean latex = false;
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (Chars.isLetter(p)) {
                    int b = i - 1;
                    while (b > 0 && Chars.isLetter(text.charAt(b - 1)) && i - b < 8) {
                        b--;
                    }
                    latex = (b == 0 || !Chars.isLetter(text.charAt(b - 1))) && isLatexPrefix(text.substring(b, i));
                    if (!latex) {
                        return skipIdentifier(text, i);
                    }
                    spanStart = b;
                } else if (p == '-' && i > 1 && Chars.isWordChar(text.charAt(i - 2))) {
                    return skipIdentifier(text, i);
                } else if (p == '_' || p == '.' || p == '/' || p == '^' || p == '@' || p == '#') {
                    return skipIdentifier(text, i);
                } else if (p == '$' || p == '\\' || p == '€' || p == '£') {
                    money = true;
                    spanStart = i - 1;
                } else if (p == '+') {
                    plus = true;
                    spanStart = i - 1;
                } else if ((p == '-' || p == '−') && (i < 2 || Character.isWhitespace(text.charAt(i - 2))
                        || text.charAt(i - 2) == '(')) {
                    minus = true;
                    spanStart = i - 1;
                }
            }
            int q = parseNumberEnd(text, i);
            if (q - i > 30 || insideEntity(entities, i)) {
                return skipIdentifier(text, i);
            }
            double value;
            try {
                value = Double.parseDouble(text.substring(i, q).replace(",", ""));
            } catch (NumberFormatException e) {
                return q;
            }
            boolean fraction = false;
            if (q + 1 < len && text.charAt(q) == '/' && Chars.isDigit(text.charAt(q + 1)) && q - i <= 2) {
                int q2 = parseNumberEnd(text, q + 1);
                if (q2 - q > 3 || q2 < len && (text.charAt(q2) == '/' || Chars.isWordChar(text.charAt(q2)))) {
                    return skipIdentifier(text, q2);
                }
                double den = Double.parseDouble(text.substring(q + 1, q2));
                if (den == 0) {
                    return q2;
                }
                value = value / den;
                q = q2;
                fraction = true;
            }
            if (afterModelName(text, spanStart, q)) {
                return skipIdentifier(text, i);
            }
            // "1-byte", "20-layer", "25-step", "4-bit"
            if (!fraction && q + 1 < len && text.charAt(q) == '-' && Chars.isLetter(text.charAt(q + 1))) {
                String w = word(text, q + 1);
                if (HYPHEN_UNITS.contains(w)) {
                    add(OTHER, spanStart, q + 1 + w.length(), value);
                    return q + 1 + w.length();
                }
                if (!w.equals("fold")) {
                    return skipIdentifier(text, q + 1);
                }
            }
            // a range or alternatives: "92.7-98.1%", "30--50\\%"
            boolean range = false;
            int numEnd = q;
            int dash = q;
            while (dash < len && dash - q < 2 && (text.charAt(dash) == '-' || text.charAt(dash) == '–')) {
                dash++;
            }
            if (dash > q && dash < len && Chars.isDigit(text.charAt(dash)) && !fraction) {
                int q2 = parseNumberEnd(text, dash);
                if (q2 - dash < 30 && (q2 >= len || !Chars.isDigit(text.charAt(q2)))) {
                    range = true;
                    numEnd = q2;
                }
            }
            Suffix suf = fraction ? new Suffix(Unit.FRACTION, q, 1) : suffix(text, numEnd, money);
            if (suf == null && money) {
                suf = new Suffix(Unit.MONEY, numEnd, 1);
            }
            if (suf == null) {
                return range ? numEnd : bare(spanStart, i, q, value, latex);
            }
            if (suf.unit == Unit.TIMES && isDimension(text, suf.end)) {
                return skipDimension(text, suf.end);
            }
            if (money && suf.unit != Unit.SCALE && suf.unit != Unit.MONEY) {
                suf = new Suffix(Unit.MONEY, numEnd, 1);
            } else if (money && suf.unit == Unit.SCALE) {
                suf = new Suffix(Unit.MONEY, suf.end, suf.scale);
            }
            int end = suf.end;
            // "A to B": a range ("from 5% to 100%" of the data) or a change ("improves ... from 35.6% to 46.7%")
            boolean change = false;
            if (!range && text.startsWith(" to ", end) && end + 4 < len && (Chars.isDigit(text.charAt(end + 4))
                    || text.charAt(end + 4) == '+' || text.charAt(end + 4) == '$')) {
                String[] before = wordsBefore(text, spanStart, 10);
                boolean from = before.length > 0 && before[before.length - 1].equals("from");
                if (from && anyStem(before, CHANGE_STEMS)) {
                    change = true;
                } else {
                    int b = end + 4 + (Chars.isDigit(text.charAt(end + 4)) ? 0 : 1);
                    int q2 = parseNumberEnd(text, b);
                    Suffix s2 = suffix(text, q2, false);
                    if (s2 == null && suf.unit == Unit.FRACTION && q2 + 1 < len && text.charAt(q2) == '/') {
                        s2 = new Suffix(Unit.FRACTION, parseNumberEnd(text, q2 + 1), 1);
                    }
                    if (s2 != null && (s2.unit == suf.unit || suf.unit == Unit.SCALE && s2.unit == Unit.SCALE)) {
                        range = true;
                        end = s2.end;
                    }
                }
            }
            // "from 75.2% to 79% and 79.1% to 83%": the second pair is a change too
            String gap = lastEnd >= 0 && lastEnd <= spanStart ? text.substring(lastEnd, spanStart) : "";
            boolean follows = gap.equals(" and ") || gap.equals(", ") || gap.equals(", and ") || gap.equals(" or ");
            if (range && lastChange && follows) {
                range = false;
                end = suf.end;
                change = true;
            }
            // the kind's words come after a scraped LaTeX duplicate: "38.0%percent38.038.0\\%38.0 % fewer"
            int kindEnd = garbleEnd(end);
            String kind;
            boolean negative;
            if (gap.equals(" to ") && lastChange && lastUnit == suf.unit) {
                kind = lastKind;
                negative = false;
                change = true;
            } else if (follows && !change && lastUnit == suf.unit && lastKind != null && !plus && !minus
                    && suf.unit != Unit.SCALE) {
                kind = lastKind;
                negative = lastNegative;
            } else {
                kind = change && suf.unit == Unit.PERCENT ? ACCURACY : kind(spanStart, kindEnd, suf.unit, plus);
                if (kind == null) {
                    return kindEnd;
                }
                negative = minus || !plus && negative(spanStart, kindEnd, kind);
            }
            Double v = range ? null : (negative ? -1 : 1) * value * suf.scale;
            add(kind, spanStart, end, v);
            lastChange = change;
            lastNegative = negative;
            lastUnit = suf.unit;
            lastEnd = kindEnd;
            return kindEnd;
        }

        /** A number with no symbol: a count before a unit noun, a score after "F1 of", a coordinated quantity. */
        private int bare(int spanStart, int i, int q, double value, boolean latex) {
            int len = text.length();
            if (q < len && Chars.isLetter(text.charAt(q))) {
                return skipIdentifier(text, i);
            }
            boolean commas = text.substring(i, q).indexOf(',') > 0;
            boolean year = !commas && q - i == 4 && value >= 1900 && value <= 2100;
            if (year) {
                return q;
            }
            int end = q;
            if (end < len && text.charAt(end) == '+' && !Chars.isDigit(charAt(end + 1))) {
                end++; // "53,000+"
            }
            String[] before = wordsBefore(text, spanStart, 8);
            String prev = before.length > 0 ? before[before.length - 1] : "";
            // coordinated with the quantity just before: "18.5% and 7.0%", "1.29 ... (1.13) and (1.17)"
            boolean coordinated = lastKind != null && lastEnd >= 0 && spanStart - lastEnd < 80
                    && !text.substring(lastEnd, spanStart).contains(". ")
                    && (prev.equals("and") || prev.equals("or") || charAt(spanStart - 1) == '(');
            // coordinated with the quantity just after: "187 and \\800", "1B and 3B parameter models"
            int r = end;
            if (text.startsWith(" and ", r) || text.startsWith(" or ", r)) {
                int b = r + (text.startsWith(" or ", r) ? 4 : 5);
                boolean dollar = b < len && (text.charAt(b) == '$' || text.charAt(b) == '\\');
                int d = dollar ? b + 1 : b;
                if (d < len && Chars.isDigit(text.charAt(d))) {
                    int q2 = parseNumberEnd(text, d);
                    Suffix s2 = dollar ? new Suffix(Unit.MONEY, q2, 1) : suffix(text, q2, false);
                    if (s2 != null && s2.unit != Unit.TIMES && s2.unit != Unit.PERCENT) {
                        String kind = kind(b, s2.end, s2.unit, false);
                        if (kind != null) {
                            add(kind, spanStart, end, value);
                            return end;
                        }
                    }
                }
            }
            // "F1 of 0.4", "a GPT-4 score of 1.29", "RTFs of 0.13"
            if ((prev.equals("of") || prev.equals("=") || prev.equals("is")) && before.length > 1) {
                String name = before[before.length - 2];
                if (SCORE_NAMES.contains(name)) {
                    add(ACCURACY, spanStart, end, value);
                    return end;
                }
                String original = wordBefore(text, spanStart - 1 - 3);
                if (prev.equals("of") && original.length() > 1 && isAcronymWord(original)) {
                    add(OTHER, spanStart, end, value);
                    return end;
                }
            }
            if (coordinated && (ACCURACY.equals(lastKind) || OTHER.equals(lastKind)) && (charAt(spanStart - 1) == '('
                    || prev.equals("and")) && text.substring(i, q).indexOf('.') > 0) {
                add(lastKind, spanStart, end, value);
                return end;
            }
            String[] after = wordsAfter(text, end, 5);
            for (int k = 0; k < after.length && k < 4; k++) {
                String w = after[k];
                if (EXCLUDED_NOUNS.contains(w)) {
                    return end;
                }
                if (PARAM_NOUNS.contains(w) && value >= 1000) {
                    return addWithNoun(PARAMS, spanStart, end, value, k);
                }
                if (TOKEN_NOUNS.contains(w) && value >= 100) {
                    return addWithNoun(TOKENS, spanStart, end, value, k);
                }
                if ((w.equals("hours") || w.equals("days") || w.equals("gpu-hours")) && k > 0) {
                    add(COST, spanStart, end, value);
                    return end;
                }
                if (DATA_NOUNS.contains(w) && !w.equals("hours")) {
                    if (k + 1 < after.length && after[k + 1].equals("per") && value >= 1000) {
                        return addWithNoun(OTHER, spanStart, end, value, k);
                    }
                    return addWithNoun(SIZE, spanStart, end, value, k);
                }
            }
            if ((commas || q - i >= 4) && value >= 1000 && !latex) {
                add(OTHER, spanStart, end, value);
            }
            return end;
        }

        private int addWithNoun(String kind, int spanStart, int end, double value, int nounIndex) {
            if (nounIndex == 0 && end < text.length() && text.charAt(end) == ' ') {
                String w = word(text, end + 1);
                add(kind, spanStart, end + 1 + w.length(), value);
                return end + 1 + w.length();
            }
            add(kind, spanStart, end, value);
            return end;
        }

        private char charAt(int k) {
            return k >= 0 && k < text.length() ? text.charAt(k) : ' ';
        }

        // -------------------------------------------------------------- kinds and signs

        private String kind(int s, int e, Unit unit, boolean plus) {
            String[] before = wordsBefore(text, s, 8);
            String[] after = wordsAfter(text, unit == Unit.SCALE ? e : skipCoordinated(e), 5);
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
                    return any(before, COST_WORDS) || any(after, COST_WORDS) ? COST : SIZE;
                case POINTS:
                    return IMPROVEMENT;
                case FRACTION:
                    if (firstAny(after, 4, COST_WORDS) || anyStem(before, COST_STEMS)) {
                        return COST;
                    }
                    return anyStem(before, PARAM_STEMS) || firstAny(after, 4, PARAM_NOUNS) ? PARAMS : OTHER;
                case SCALE: {
                    String span = text.substring(s, e).toLowerCase(Locale.ROOT);
                    for (int k = 0; k < after.length && k < 3; k++) {
                        if (after[k].equals("per")) {
                            return OTHER;
                        }
                    }
                    if (endsWithAny(span, PARAM_NOUNS)) {
                        return PARAMS;
                    }
                    if (endsWithAny(span, TOKEN_NOUNS)) {
                        return TOKENS;
                    }
                    if (endsWithAny(span, DATA_NOUNS)) {
                        return SIZE;
                    }
                    if (after.length > 0 && (after[0].equals("models") || after[0].equals("model")
                            || after[0].equals("llm") || after[0].equals("llms") || after[0].startsWith("param"))) {
                        return PARAMS;
                    }
                    for (int k = 0; k < after.length && k < 3; k++) {
                        if (PARAM_NOUNS.contains(after[k])) {
                            return PARAMS;
                        }
                        if (TOKEN_NOUNS.contains(after[k])) {
                            return TOKENS;
                        }
                    }
                    if (after.length > 0 && (EXCLUDED_NOUNS.contains(after[0]) || after[0].equals("benchmark"))) {
                        return null;
                    }
                    return SIZE;
                }
                case TIMES:
                    if (any(before, SPEED_WORDS) || firstAny(after, 3, SPEED_WORDS)) {
                        return SPEEDUP;
                    }
                    if (firstAny(after, 3, COST_WORDS) || firstAny(before, 3, COST_WORDS)) {
                        return COST;
                    }
                    if (after.length > 0 && (after[0].equals("smaller") || after[0].equals("larger")
                            || after[0].equals("bigger"))) {
                        return SIZE;
                    }
                    return IMPROVEMENT;
                case PERCENT:
                default:
                    return percentKind(before, after, plus);
            }
        }

        private String percentKind(String[] before, String[] after, boolean plus) {
            if (plus) {
                return IMPROVEMENT;
            }
            String a0 = after.length > 0 ? after[0] : "";
            String a1 = after.length > 1 ? after[1] : "";
            String prev = before.length > 0 ? before[before.length - 1] : "";
            if (DOWN_AFTER.contains(a0) || DOWN_AFTER.contains(a1) && (a0.equals("relative") || a0.equals("absolute"))
                    || after.length > 2 && (after[2].equals("loss") || after[2].equals("drop")) && !any(after, UP_AFTER)) {
                return downKind(after, before);
            }
            if (UP_AFTER.contains(a0) || UP_AFTER.contains(a1) && (a0.equals("relative") || a0.equals("absolute"))) {
                if (firstAny(after, 3, SPEED_WORDS)) {
                    return SPEEDUP;
                }
                return firstAny(after, 3, COST_WORDS) ? COST : IMPROVEMENT;
            }
            if (a0.equals("trainable") || PARAM_NOUNS.contains(a0)) {
                return PARAMS;
            }
            if (a0.equals("of") && (a1.equals("the") || a1.equals("their") || a1.equals("its"))
                    && after.length > 2 && (after[2].equals("accuracy") || after[2].equals("performance"))) {
                return ACCURACY;
            }
            if (a0.equals("of") && (FRACTION_WORDS.contains(a1) || a1.equals("the") || a1.equals("all")
                    || a1.equals("labeled") || a1.equals("training"))) {
                return OTHER;
            }
            if (a0.equals("inference") || firstAny(after, 2, COST_WORDS)) {
                return anyOf(before, "saves", "save", "saving", "reduces", "reduce", "reducing", "cuts")
                        || anyStem(before, DOWN_STEMS) ? COST : ACCURACY;
            }
            if (anyOf(before, "saves", "save", "saving")) {
                return COST;
            }
            if (lastAny(before, 3, SPEED_WORDS)) {
                return SPEEDUP;
            }
            if (byBefore(before)) {
                if (anyStem(before, DOWN_STEMS)) {
                    return downKind(after, before);
                }
                return IMPROVEMENT;
            }
            if (lastAny(before, prev.equals("of") ? 6 : 4, IMPROVE_NOUNS)) {
                return IMPROVEMENT;
            }
            if (lastAny(before, 4, DATA_CONTEXT) || prev.equals("only") && a0.equals("of")) {
                return OTHER;
            }
            return ACCURACY;
        }

        /** The kind of a decrease: of cost, size or latency, else of quality. */
        private String downKind(String[] after, String[] before) {
            int cut = 0;
            while (cut < after.length && !after[cut].equals("and") && !after[cut].equals("while")
                    && !after[cut].equals("with") && !after[cut].equals("compared")) {
                cut++;
            }
            String[] near = concat(java.util.Arrays.copyOf(after, cut), lastWords(before, 4));
            if (any(near, COST_WORDS)) {
                return COST;
            }
            if (anyOf(near, "size", "smaller", "footprint")) {
                return SIZE;
            }
            if (anyOf(near, "latency", "time", "runtime", "delay")) {
                return OTHER;
            }
            return IMPROVEMENT;
        }

        private boolean negative(int s, int e, String kind) {
            if (kind.equals(ACCURACY) || kind.equals(PARAMS) || kind.equals(TOKENS) || kind.equals(SPEEDUP)) {
                return false;
            }
            String[] after = wordsAfter(text, skipCoordinated(e), 3);
            String[] before = wordsBefore(text, s, 8);
            String a0 = after.length > 0 ? after[0] : "";
            String a1 = after.length > 1 ? after[1] : "";
            if (DOWN_AFTER.contains(a0) || (a0.equals("relative") || a0.equals("absolute")) && DOWN_AFTER.contains(a1)
                    || a0.equals("storage") && a1.equals("reduction")) {
                return true;
            }
            if (firstAny(after, 3, Set.of("reduction", "reductions", "decrease", "drop", "loss", "degradation"))) {
                return true;
            }
            if (anyOf(before, "saves", "save", "saving")) {
                return true;
            }
            return byBefore(before) && anyStem(before, DOWN_STEMS);
        }

        /** End of a scraped duplicate after "N%": "percentNN\\%N %" (MathML alt text), else {@code e}. */
        private int garbleEnd(int e) {
            if (!text.startsWith("percent", e) || e + 7 >= text.length() || !Chars.isDigit(text.charAt(e + 7))) {
                return e;
            }
            int limit = Math.min(text.length(), e + 60);
            for (int r = e + 7; r + 1 < limit; r++) {
                if (text.charAt(r) == ' ' && text.charAt(r + 1) == '%') {
                    return r + 2;
                }
                if (text.charAt(r) == ' ' && !Chars.isDigit(text.charAt(r - 1))) {
                    break;
                }
            }
            return e;
        }

        /** Moves past "and 47%" / ", 2.5%" so that the words after a coordination apply to each member. */
        private int skipCoordinated(int e) {
            int len = text.length();
            int r = e;
            for (int guard = 0; guard < 4; guard++) {
                int b = r;
                if (text.startsWith(" and ", b)) {
                    b += 5;
                } else if (text.startsWith(", ", b)) {
                    b += 2;
                } else {
                    break;
                }
                if (b >= len || !Chars.isDigit(text.charAt(b))) {
                    break;
                }
                int q = parseNumberEnd(text, b);
                Suffix s = suffix(text, q, false);
                if (s == null) {
                    break;
                }
                r = garbleEnd(s.end);
            }
            return r;
        }
    }

    private static boolean byBefore(String[] before) {
        for (int k = before.length - 1; k >= 0 && k >= before.length - 4; k--) {
            String w = before[k];
            if (w.equals("by")) {
                return true;
            }
            if (!BY_FILLERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isAcronymWord(String w) {
        String core = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return core.length() > 1 && Lexicon.isAllCaps(core);
    }

    private static String[] lastWords(String[] words, int n) {
        return java.util.Arrays.copyOfRange(words, Math.max(0, words.length - n), words.length);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean anyStem(String[] words, String[] stems) {
        for (String w : words) {
            for (String s : stems) {
                if (w.startsWith(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What follows the number ending at q: its symbol, scale word or unit. Null for a bare number. */
    static Suffix suffix(String text, int q, boolean money) {
        int len = text.length();
        if (q >= len) {
            return null;
        }
        char c = text.charAt(q);
        if (c == '%') {
            return new Suffix(Unit.PERCENT, q + 1, 1);
        }
        if (c == '\\' && q + 1 < len && text.charAt(q + 1) == '%') {
            return new Suffix(Unit.PERCENT, q + 2, 1);
        }
        if (c == '×' || ((c == 'x' || c == 'X') && !Chars.isWordCharAt(text, q + 1))) {
            return new Suffix(Unit.TIMES, q + 1, 1);
        }
        if (text.startsWith("times", q) && !Chars.isWordCharAt(text, q + 5)) {
            return new Suffix(Unit.TIMES, q + 5, 1);
        }
        if (text.startsWith("-fold", q) && !Chars.isWordCharAt(text, q + 5)) {
            return new Suffix(Unit.TIMES, q + 5, 1);
        }
        if ((c == 'K' || c == 'k' || c == 'M' || c == 'B' || c == 'T') && !Chars.isWordCharAt(text, q + 1)
                && !(q + 1 < len && text.charAt(q + 1) == '-' && Chars.isWordCharAt(text, q + 2)
                        && !text.startsWith("parameter", q + 2) && !text.startsWith("param", q + 2))) {
            double scale = c == 'M' ? 1e6 : c == 'B' ? 1e9 : c == 'T' ? 1e12 : 1e3;
            return withNoun(text, new Suffix(Unit.SCALE, q + 1, scale), money);
        }
        Suffix unit = unitWord(word(text, q), q);
        if (unit != null) {
            return unit;
        }
        int r = q;
        if (r < len && (text.charAt(r) == ' ' || text.charAt(r) == '\u00a0')) {
            r++;
        } else {
            return null;
        }
        if (r >= len) {
            return null;
        }
        char d = text.charAt(r);
        if (d == '%') {
            return new Suffix(Unit.PERCENT, r + 1, 1);
        }
        if (d == '×' || ((d == 'x' || d == 'X') && !Chars.isWordCharAt(text, r + 1))) {
            return new Suffix(Unit.TIMES, r + 1, 1);
        }
        String w = word(text, r);
        switch (w) {
            case "times":
            case "fold":
                return new Suffix(Unit.TIMES, r + w.length(), 1);
            case "percent":
                return new Suffix(Unit.PERCENT, r + w.length(), 1);
            case "thousand":
                return withNoun(text, new Suffix(Unit.SCALE, r + w.length(), 1e3), money);
            case "million":
                return withNoun(text, new Suffix(Unit.SCALE, r + w.length(), 1e6), money);
            case "billion":
                return withNoun(text, new Suffix(Unit.SCALE, r + w.length(), 1e9), money);
            case "trillion":
                return withNoun(text, new Suffix(Unit.SCALE, r + w.length(), 1e12), money);
            case "points":
            case "point":
            case "pp":
            case "pts":
                return new Suffix(Unit.POINTS, r + w.length(), 1);
            case "bits":
            case "bit":
                return new Suffix(Unit.BITS, r + w.length(), 1);
            case "dollars":
            case "USD":
                return new Suffix(Unit.MONEY, r + w.length(), 1);
            default:
                break;
        }
        if ("GPU".equals(w) || "TPU".equals(w)) {
            String w2 = word(text, r + w.length() + 1);
            if (text.startsWith(" ", r + w.length()) && (w2.equals("hours") || w2.equals("days"))) {
                return new Suffix(Unit.TIME_COST, r + w.length() + 1 + w2.length(), 1);
            }
        }
        if (w.equals("GPU-hours") || w.equals("GPU-days")) {
            return new Suffix(Unit.TIME_COST, r + w.length(), 1);
        }
        return unitWord(w, r);
    }

    private static Suffix unitWord(String w, int at) {
        switch (w) {
            case "ms":
            case "msec":
            case "milliseconds":
            case "μs":
            case "fps":
            case "FPS":
                return new Suffix(Unit.LATENCY, at + w.length(), 1);
            case "sec":
            case "seconds":
            case "minutes":
            case "mins":
            case "hours":
            case "hour":
            case "hrs":
            case "days":
            case "weeks":
            case "months":
                return new Suffix(Unit.TIME_COST, at + w.length(), 1);
            case "KB":
            case "MB":
            case "GB":
            case "TB":
            case "PB":
            case "KiB":
            case "MiB":
            case "GiB":
            case "TiB":
                return new Suffix(Unit.MEMORY, at + w.length(), 1);
            case "FLOPs":
            case "GFLOPs":
            case "TFLOPs":
            case "PFLOPs":
            case "FLOPS":
            case "GFLOPS":
            case "TFLOPS":
            case "PFLOPS":
            case "MACs":
            case "GMACs":
                return new Suffix(Unit.COMPUTE, at + w.length(), 1);
            default:
                return null;
        }
    }

    /** Adds the unit noun that directly follows a scale word: "109M parameters", "27B tokens". */
    private static Suffix withNoun(String text, Suffix s, boolean money) {
        if (money) {
            return new Suffix(Unit.MONEY, s.end, s.scale);
        }
        int r = s.end;
        if (r < text.length() && (text.charAt(r) == ' ' || text.charAt(r) == '-')) {
            String w = word(text, r + 1);
            String lower = w.toLowerCase(Locale.ROOT);
            if (PARAM_NOUNS.contains(lower) || TOKEN_NOUNS.contains(lower) || DATA_NOUNS.contains(lower)) {
                return new Suffix(Unit.SCALE, r + 1 + w.length(), s.scale);
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isLatexPrefix(String prefix) {
        for (String p : LATEX_PREFIXES) {
            if (p.equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** End of the number at i: digits, thousands groups ",ddd", one decimal part. */
    static int parseNumberEnd(String text, int i) {
        int len = text.length();
        int q = i;
        while (q < len && Chars.isDigit(text.charAt(q))) {
            q++;
        }
        int intDigits = q - i;
        while (intDigits <= 3 && q + 3 < len && text.charAt(q) == ',' && Chars.isDigit(text.charAt(q + 1))
                && Chars.isDigit(text.charAt(q + 2)) && Chars.isDigit(text.charAt(q + 3))
                && (q + 4 >= len || !Chars.isDigit(text.charAt(q + 4)))) {
            q += 4;
        }
        if (q + 1 < len && text.charAt(q) == '.' && Chars.isDigit(text.charAt(q + 1))) {
            q++;
            while (q < len && Chars.isDigit(text.charAt(q))) {
                q++;
            }
        }
        return q;
    }

    private static int skipIdentifier(String text, int i) {
        int q = i;
        int len = text.length();
        while (q < len && (Chars.isWordChar(text.charAt(q)) || text.charAt(q) == '.' && q + 1 < len
                && Chars.isDigit(text.charAt(q + 1)))) {
            q++;
        }
        return q;
    }

    /** "224 x 224": a resolution, not a ratio. */
    private static boolean isDimension(String text, int afterX) {
        int r = afterX;
        while (r < text.length() && text.charAt(r) == ' ') {
            r++;
        }
        return r < text.length() && Chars.isDigit(text.charAt(r));
    }

    private static int skipDimension(String text, int afterX) {
        int r = afterX;
        while (r < text.length() && text.charAt(r) == ' ') {
            r++;
        }
        return skipIdentifier(text, r);
    }

    /** Entities are sorted by start and do not overlap: a binary search finds the one holding the offset. */
    private static boolean insideEntity(List<Entity> entities, int offset) {
        int lo = 0;
        int hi = entities.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Entity e = entities.get(mid);
            if (e.end() <= offset) {
                lo = mid + 1;
            } else if (e.start() > offset) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** "Mistral 7B", "Llama 2 7B": a size right after a capitalised name belongs to the name. */
    private static boolean afterModelName(String text, int s, int q) {
        if (s < 2 || text.charAt(s - 1) != ' ' || q >= text.length()) {
            return false;
        }
        char c = text.charAt(q);
        if (!(c == 'B' || c == 'M') || Chars.isWordCharAt(text, q + 1)) {
            return false;
        }
        String[] after = wordsAfter(text, q + 1, 1);
        if (after.length > 0 && (PARAM_NOUNS.contains(after[0]) || after[0].equals("parameter"))) {
            return false;
        }
        String prev = wordBefore(text, s - 1);
        if (prev.isEmpty()) {
            return false;
        }
        if (Chars.isDigit(prev.charAt(0)) && prev.length() <= 3) {
            int b = s - 2 - prev.length();
            prev = b > 0 ? wordBefore(text, b) : "";
            if (prev.isEmpty()) {
                return false;
            }
        }
        boolean capital = Chars.isUpper(prev.charAt(0));
        for (int i = 1; i < prev.length() && !capital; i++) {
            capital = Chars.isUpper(prev.charAt(i));
        }
        int p = s - 1 - prev.length();
        boolean sentenceStart = p <= 1 || text.charAt(p - 1) == '.' || text.charAt(p - 2) == '.';
        return capital && !sentenceStart && !prev.equals("The") && !prev.equals("A") && !prev.equals("With");
    }

    private static String word(String text, int at) {
        int e = at;
        int len = text.length();
        while (e < len && (Chars.isWordChar(text.charAt(e)) || text.charAt(e) == '-' && e + 1 < len
                && Chars.isWordChar(text.charAt(e + 1)) && e > at)) {
            e++;
        }
        return text.substring(at, e);
    }

    private static String wordBefore(String text, int end) {
        int e = end;
        while (e > 0 && text.charAt(e - 1) == ' ') {
            e--;
        }
        if (e > 0 && text.charAt(e - 1) == '=') {
            return "=";
        }
        int b = e;
        while (b > 0 && (Chars.isWordChar(text.charAt(b - 1)) || text.charAt(b - 1) == '-')) {
            b--;
        }
        return text.substring(b, e);
    }

    /** Up to n lower-cased words before offset s, in text order, within the sentence. */
    private static String[] wordsBefore(String text, int s, int n) {
        String[] out = new String[n];
        int k = n;
        int i = s;
        while (k > 0 && i > 0) {
            char c = text.charAt(i - 1);
            if (c == '.' && i >= 2 && !Chars.isDigit(text.charAt(i - 2)) || c == ';' || c == '!' || c == '?') {
                break;
            }
            if (c == '+') {
                out[--k] = "+";
                i--;
                continue;
            }
            if (!Chars.isWordChar(c)) {
                i--;
                continue;
            }
            int e = i;
            while (i > 0 && (Chars.isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
                i--;
            }
            out[--k] = text.substring(i, e).toLowerCase(Locale.ROOT);
        }
        String[] res = new String[n - k];
        System.arraycopy(out, k, res, 0, n - k);
        return res;
    }

    /** Up to n lower-cased words after offset e, within the sentence. */
    private static String[] wordsAfter(String text, int e, int n) {
        List<String> out = new ArrayList<>(n);
        int i = e;
        int len = text.length();
        while (out.size() < n && i < len) {
            char c = text.charAt(i);
            if (c == '.' && (i + 1 >= len || !Chars.isDigit(text.charAt(i + 1))) || c == ';' || c == '!' || c == '?'
                    || c == ',' || c == '(' || c == ')' || c == ':') {
                break;
            }
            if (!Chars.isWordChar(c)) {
                i++;
                continue;
            }
            int b = i;
            while (i < len && (Chars.isWordChar(text.charAt(i)) || text.charAt(i) == '-' && i + 1 < len
                    && Chars.isWordChar(text.charAt(i + 1)))) {
                i++;
            }
            out.add(text.substring(b, i).toLowerCase(Locale.ROOT));
        }
        return out.toArray(new String[0]);
    }

    private static boolean any(String[] words, Set<String> set) {
        for (String w : words) {
            if (set.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPrefix(String[] words, String... prefixes) {
        for (String w : words) {
            for (String p : prefixes) {
                if (w.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyOf(String[] words, String... options) {
        for (String w : words) {
            for (String o : options) {
                if (w.equals(o)) {
                    return true;
                }
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
            if (span.endsWith(" " + noun) || span.endsWith("-" + noun)) {
                return true;
            }
        }
        return false;
    }
}
