package io.paperpulse.enrich.extract.metric;

import static io.paperpulse.enrich.extract.metric.KindRules.ACCURACY;
import static io.paperpulse.enrich.extract.metric.KindRules.COST;
import static io.paperpulse.enrich.extract.metric.KindRules.IMPROVEMENT;
import static io.paperpulse.enrich.extract.metric.KindRules.OTHER;
import static io.paperpulse.enrich.extract.metric.KindRules.PARAMS;
import static io.paperpulse.enrich.extract.metric.KindRules.SIZE;
import static io.paperpulse.enrich.extract.metric.KindRules.TOKENS;

import java.util.ArrayList;
import java.util.List;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.Metric;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;
import io.paperpulse.enrich.extract.text.Spans;
import io.paperpulse.enrich.extract.text.WordWindow;

/**
 * The scan of one abstract: reads each number with what stands before it ({@code $}, a LaTeX remnant, a sign) and
 * after it (its unit), decides kind and sign, and keeps each distinct span once. Remembers the last quantity, so that
 * coordinations ("18.5% and 7.0%") and changes ("from 35.6% to 46.7%") read as one.
 */
final class Quantities {
    private final String text;
    private final int[] entityStarts;
    private final int[] entityEnds;
    final List<Metric> out = new ArrayList<>();
    /** The spans read so far, kept or not: a span is reported once (a handful per abstract, so a list). */
    private final List<String> seenSpans = new ArrayList<>();
    private String lastKind;
    private int lastEnd = -1;
    private boolean lastChange;
    private boolean lastNegative;
    private Unit lastUnit;

    /** No number inside one of the abstract's {@code entities} (in text order, not overlapping) is read. */
    Quantities(String text, List<Entity> entities) {
        this.text = text;
        int n = 0;
        for (Entity e : entities) {
            n += Entity.ABSTRACT.equals(e.field()) ? 1 : 0;
        }
        this.entityStarts = new int[n];
        this.entityEnds = new int[n];
        int k = 0;
        for (Entity e : entities) {
            if (Entity.ABSTRACT.equals(e.field())) {
                entityStarts[k] = e.start();
                entityEnds[k++] = e.end();
            }
        }
    }

    void add(String kind, int s, int e, Double value) {
        String span = text.substring(s, e);
        lastKind = kind;
        lastEnd = e;
        if (seenSpans.contains(span)) {
            return;
        }
        seenSpans.add(span);
        if (value != null && hasValue(kind, value)) {
            return;
        }
        out.add(new Metric(kind, span, value, s, e));
    }

    /** True when a metric of this kind with this value was kept already: "75.2%" and "75.2 %" are one. */
    private boolean hasValue(String kind, Double value) {
        for (Metric m : out) {
            if (value.equals(m.value()) && m.kind().equals(kind)) {
                return true;
            }
        }
        return false;
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
                latex = (b == 0 || !Chars.isLetter(text.charAt(b - 1))) && NumberReader.isLatexPrefix(text.substring(b, i));
                if (!latex) {
                    return NumberReader.skipIdentifier(text, i);
                }
                spanStart = b;
            } else if (p == '-' && i > 1 && Chars.isWordChar(text.charAt(i - 2))) {
                return NumberReader.skipIdentifier(text, i);
            } else if (p == '_' || p == '.' || p == '/' || p == '^' || p == '@' || p == '#') {
                return NumberReader.skipIdentifier(text, i);
            } else if (p == '$' && NumberReader.isMath(text, i)) {
                spanStart = i; // "$1.5-5\\times$", "$12.5\\%$": LaTeX math, not dollars
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
        int q = NumberReader.parseNumberEnd(text, i);
        if (q - i > 30 || Spans.holding(entityStarts, entityEnds, entityStarts.length, i) >= 0) {
            return NumberReader.skipIdentifier(text, i);
        }
        double value;
        try {
            value = Double.parseDouble(text.substring(i, q).replace(",", ""));
        } catch (NumberFormatException e) {
            return q;
        }
        boolean fraction = false;
        if (q + 1 < len && text.charAt(q) == '/' && Chars.isDigit(text.charAt(q + 1)) && q - i <= 2) {
            int q2 = NumberReader.parseNumberEnd(text, q + 1);
            if (q2 - q > 3 || q2 < len && (text.charAt(q2) == '/' || Chars.isWordChar(text.charAt(q2)))) {
                return NumberReader.skipIdentifier(text, q2);
            }
            double den = Double.parseDouble(text.substring(q + 1, q2));
            if (den == 0) {
                return q2;
            }
            value = value / den;
            q = q2;
            fraction = true;
        }
        if (NumberReader.afterModelName(text, spanStart, q)) {
            return NumberReader.skipIdentifier(text, i);
        }
        // "1-byte", "20-layer", "25-step", "4-bit"
        if (!fraction && q + 1 < len && text.charAt(q) == '-' && Chars.isLetter(text.charAt(q + 1))) {
            String w = WordWindow.word(text, q + 1);
            if (MetricWords.HYPHEN_UNITS.contains(w)) {
                add(OTHER, spanStart, q + 1 + w.length(), value);
                return q + 1 + w.length();
            }
            if (MetricWords.TOKEN_NOUNS.contains(w) && value >= 100) { // "a native 8192-token context"
                add(TOKENS, spanStart, q + 1 + w.length(), value);
                return q + 1 + w.length();
            }
            if (!w.equals("fold")) {
                return NumberReader.skipIdentifier(text, q + 1);
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
            int q2 = NumberReader.parseNumberEnd(text, dash);
            if (q2 - dash < 30 && (q2 >= len || !Chars.isDigit(text.charAt(q2)))) {
                range = true;
                numEnd = q2;
            }
        }
        Suffix suf = fraction ? new Suffix(Unit.FRACTION, q, 1) : UnitReader.suffix(text, NumberReader.latexClosed(text, numEnd), money);
        if (suf == null && money) {
            suf = new Suffix(Unit.MONEY, numEnd, 1);
        }
        if (suf == null) {
            return range ? numEnd : bare(spanStart, i, q, value, latex);
        }
        if (suf.unit() == Unit.TIMES && NumberReader.isDimension(text, suf.end())) {
            return NumberReader.skipDimension(text, suf.end());
        }
        if (money && suf.unit() != Unit.SCALE && suf.unit() != Unit.MONEY) {
            suf = new Suffix(Unit.MONEY, numEnd, 1);
        } else if (money && suf.unit() == Unit.SCALE) {
            suf = new Suffix(Unit.MONEY, suf.end(), suf.scale());
        }
        int end = suf.end();
        // "A to B": a range ("from 5% to 100%" of the data) or a change ("improves ... from 35.6% to 46.7%")
        boolean change = false;
        if (!range && text.startsWith(" to ", end) && end + 4 < len && (Chars.isDigit(text.charAt(end + 4))
                || text.charAt(end + 4) == '+' || text.charAt(end + 4) == '$')) {
            String[] before = WordWindow.before(text, spanStart, 10, MetricWords.POOL);
            boolean from = before.length > 0 && before[before.length - 1].equals("from");
            if (from && KindRules.anyStem(before, MetricWords.CHANGE_STEMS)) {
                change = true;
            } else {
                int b = end + 4 + (Chars.isDigit(text.charAt(end + 4)) ? 0 : 1);
                int q2 = NumberReader.parseNumberEnd(text, b);
                Suffix s2 = UnitReader.suffix(text, q2, false);
                if (s2 == null && suf.unit() == Unit.FRACTION && q2 + 1 < len && text.charAt(q2) == '/') {
                    s2 = new Suffix(Unit.FRACTION, NumberReader.parseNumberEnd(text, q2 + 1), 1);
                }
                if (s2 != null && (s2.unit() == suf.unit() || suf.unit() == Unit.SCALE && s2.unit() == Unit.SCALE)) {
                    range = true;
                    end = s2.end();
                }
            }
        }
        // "from 75.2% to 79% and 79.1% to 83%": the second pair is a change too
        String gap = lastEnd >= 0 && lastEnd <= spanStart ? withoutLabel(text.substring(lastEnd, spanStart)) : "";
        boolean follows = gap.equals(" and ") || gap.equals(", ") || gap.equals(", and ") || gap.equals(" or ");
        if (range && lastChange && follows) {
            range = false;
            end = suf.end();
            change = true;
        }
        // the kind's words come after a scraped LaTeX duplicate: "38.0%percent38.038.0\\%38.0 % fewer"
        int kindEnd = UnitReader.garbleEnd(text, end);
        String kind;
        boolean negative;
        if (gap.equals(" to ") && lastChange && lastUnit == suf.unit()) {
            kind = lastKind;
            negative = false;
            change = true;
        } else if ((follows || comparedWithLast(spanStart)) && !change && lastUnit == suf.unit() && lastKind != null && !plus
                && !minus && suf.unit() != Unit.SCALE) {
            kind = lastKind;
            negative = lastNegative;
        } else {
            kind = change && suf.unit() == Unit.PERCENT ? ACCURACY : KindRules.kind(text, spanStart, kindEnd, suf.unit(), plus);
            if (kind == null) {
                return kindEnd;
            }
            negative = minus || !plus && KindRules.negative(text, spanStart, kindEnd, kind);
        }
        Double v = range ? null : (negative ? -1 : 1) * value * suf.scale();
        add(kind, spanStart, end, v);
        lastChange = change;
        lastNegative = negative;
        lastUnit = suf.unit();
        lastEnd = kindEnd;
        return kindEnd;
    }

    /**
     * "95.8% accuracy on mouse kidney data versus 94.9% from the best existing model": the quantity a sentence compares
     * with the one before it is of the same kind.
     */
    private boolean comparedWithLast(int spanStart) {
        if (!inSentenceOfLast(spanStart, 100)) {
            return false;
        }
        String[] before = WordWindow.before(text, spanStart, 2, MetricWords.POOL);
        String prev = before.length > 0 ? before[before.length - 1] : "";
        return prev.equals("versus") || prev.equals("vs") || before.length > 1 && before[0].equals("compared")
                && (prev.equals("to") || prev.equals("with"));
    }

    /** True when the last quantity ended at most {@code chars} before {@code spanStart}, with no sentence end between. */
    private boolean inSentenceOfLast(int spanStart, int chars) {
        return lastEnd >= 0 && lastEnd <= spanStart && spanStart - lastEnd <= chars
                && !text.substring(lastEnd, spanStart).contains(". ");
    }

    /** A gap without the label in parentheses after the first quantity: "16.4% (Adroit), 14%" is coordinated. */
    private static String withoutLabel(String gap) {
        if (gap.startsWith(" (")) {
            int close = gap.indexOf(')');
            if (close > 0 && close < 40) {
                return gap.substring(close + 1);
            }
        }
        return gap;
    }

    /** A number with no symbol: a count before a unit noun, a score after "F1 of", a coordinated quantity. */
    private int bare(int spanStart, int i, int q, double value, boolean latex) {
        int len = text.length();
        if (q < len && Chars.isLetter(text.charAt(q))) {
            return NumberReader.skipIdentifier(text, i);
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
        String[] before = WordWindow.before(text, spanStart, 8, MetricWords.POOL);
        String prev = before.length > 0 ? before[before.length - 1] : "";
        // coordinated with the quantity just before: "18.5% and 7.0%", "1.29 ... (1.13) and (1.17)"
        boolean coordinated = lastKind != null && inSentenceOfLast(spanStart, 79)
                && (prev.equals("and") || prev.equals("or") || charAt(spanStart - 1) == '(');
        // coordinated with the quantity just after: "187 and \\800", "1B and 3B parameter models"
        int r = end;
        if (text.startsWith(" and ", r) || text.startsWith(" or ", r)) {
            int b = r + (text.startsWith(" or ", r) ? 4 : 5);
            boolean dollar = b < len && (text.charAt(b) == '$' || text.charAt(b) == '\\');
            int d = dollar ? b + 1 : b;
            if (d < len && Chars.isDigit(text.charAt(d))) {
                int q2 = NumberReader.parseNumberEnd(text, d);
                Suffix s2 = dollar ? new Suffix(Unit.MONEY, q2, 1) : UnitReader.suffix(text, q2, false);
                if (s2 != null && s2.unit() != Unit.TIMES && s2.unit() != Unit.PERCENT) {
                    String kind = KindRules.kind(text, b, s2.end(), s2.unit(), false);
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
            if (MetricWords.SCORE_NAMES.contains(name)) {
                add(ACCURACY, spanStart, end, value);
                return end;
            }
            String original = WordWindow.wordBefore(text, spanStart - 1 - 3);
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
        String[] after = WordWindow.after(text, end, 5, MetricWords.POOL);
        // "a 39.33 increase in average success rate", "a 0.45 improvement"
        if ((prev.equals("a") || prev.equals("an")) && after.length > 0 && MetricWords.IMPROVE_NOUNS.contains(after[0])) {
            add(IMPROVEMENT, spanStart, end, value);
            return end;
        }
        for (int k = 0; k < after.length && k < 4; k++) {
            String w = after[k];
            if (MetricWords.EXCLUDED_NOUNS.contains(w)) {
                return end;
            }
            if (MetricWords.PARAM_NOUNS.contains(w) && value >= 1000) {
                return addWithNoun(PARAMS, spanStart, end, value, k);
            }
            if (MetricWords.TOKEN_NOUNS.contains(w) && value >= 100) {
                return addWithNoun(TOKENS, spanStart, end, value, k);
            }
            if ((w.equals("hours") || w.equals("days") || w.equals("gpu-hours")) && k > 0) {
                add(COST, spanStart, end, value);
                return end;
            }
            if (MetricWords.DATA_NOUNS.contains(w) && !w.equals("hours")) {
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
        if ((nounIndex == 0 || nounIndex == 1) && end < text.length() && text.charAt(end) == ' ') {
            String w = WordWindow.word(text, end + 1);
            int nounEnd = end + 1 + w.length();
            if (nounIndex == 1) {
                // a hyphen compound before the noun is part of it: "25,000 image-text pairs"
                String noun = nounEnd < text.length() && text.charAt(nounEnd) == ' ' ? WordWindow.word(text, nounEnd + 1) : "";
                if (w.indexOf('-') <= 0 || noun.isEmpty()) {
                    add(kind, spanStart, end, value);
                    return end;
                }
                nounEnd += 1 + noun.length();
            }
            add(kind, spanStart, nounEnd, value);
            return nounEnd;
        }
        add(kind, spanStart, end, value);
        return end;
    }

    private char charAt(int k) {
        return k >= 0 && k < text.length() ? text.charAt(k) : ' ';
    }

    private static boolean isAcronymWord(String w) {
        String core = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return core.length() > 1 && Shapes.isAllCaps(core);
    }
}
