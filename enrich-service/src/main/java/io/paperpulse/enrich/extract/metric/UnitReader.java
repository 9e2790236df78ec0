package io.paperpulse.enrich.extract.metric;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.WordList;
import io.paperpulse.enrich.extract.text.WordWindow;

/**
 * Reads what follows a number: a symbol (%, x, ×, °, K/M/B/T, -fold) or a unit word of {@code extract/metric/units.txt},
 * and the unit noun after a scale ("109M parameters"). The one place that knows the unit words.
 */
public final class UnitReader {
    private record UnitWord(Unit unit, double scale, boolean attached) {
    }

    private static final Map<String, UnitWord> UNITS = units();
    private static final List<String> RATIO_WORDS = UNITS.entrySet().stream()
            .filter(e -> e.getValue().unit == Unit.TIMES || e.getValue().unit == Unit.PERCENT)
            .map(Map.Entry::getKey).sorted().toList();

    private UnitReader() {
    }

    private static Map<String, UnitWord> units() {
        Map<String, UnitWord> units = new HashMap<>();
        for (String line : WordList.entries("extract/metric/units.txt")) {
            String[] cols = line.split("\t");
            boolean attached = cols.length > 2 && cols[2].equals("attached");
            double scale = cols.length > 2 && !attached ? Double.parseDouble(cols[2]) : 1;
            units.put(cols[0], new UnitWord(Unit.valueOf(cols[1].toUpperCase(Locale.ROOT)), scale, attached));
        }
        return Map.copyOf(units);
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
        if (c == '°') { // "26.5° slopes", "100°C": angles and temperatures are of kind other, like rates
            boolean scale = q + 1 < len && "CFK".indexOf(text.charAt(q + 1)) >= 0 && !Chars.isWordCharAt(text, q + 2);
            return new Suffix(Unit.LATENCY, scale ? q + 2 : q + 1, 1);
        }
        Suffix latex = latexSymbol(text, q);
        if (latex != null) {
            return latex;
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
        Suffix unit = unitWord(WordWindow.word(text, q), q, true);
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
        Suffix spacedLatex = latexSymbol(text, r);
        if (spacedLatex != null) {
            return spacedLatex;
        }
        if (d == '×' || ((d == 'x' || d == 'X') && !Chars.isWordCharAt(text, r + 1))) {
            return new Suffix(Unit.TIMES, r + 1, 1);
        }
        String w = WordWindow.word(text, r);
        Suffix spaced = unitWord(w, r, false);
        if (spaced != null) {
            return spaced.unit() == Unit.SCALE ? withNoun(text, spaced, money) : spaced;
        }
        if ("GPU".equals(w) || "TPU".equals(w)) {
            String w2 = WordWindow.word(text, r + w.length() + 1);
            if (text.startsWith(" ", r + w.length()) && (w2.equals("hours") || w2.equals("days"))) {
                return new Suffix(Unit.TIME_COST, r + w.length() + 1 + w2.length(), 1);
            }
        }
        if (w.equals("GPU-hours") || w.equals("GPU-days")) {
            return new Suffix(Unit.TIME_COST, r + w.length(), 1);
        }
        return null;
    }

    /** A times or percent sign written in LaTeX at {@code q}: "\\times", "$\\times$", "$\\%$"; else null. */
    private static Suffix latexSymbol(String text, int q) {
        int r = q;
        boolean math = r < text.length() && text.charAt(r) == '$';
        if (math) {
            r++;
        }
        Unit unit = null;
        if (text.startsWith("\\times", r) && !(r + 6 < text.length() && Chars.isLetter(text.charAt(r + 6)))) {
            unit = Unit.TIMES;
            r += 6;
        } else if (math && text.startsWith("\\%", r)) {
            unit = Unit.PERCENT;
            r += 2;
        }
        if (unit == null) {
            return null;
        }
        if (math && r < text.length() && text.charAt(r) == '$') {
            r++;
        }
        return new Suffix(unit, r, 1);
    }

    /** The unit a word written after a number gives, or null; {@code attached}: the word is glued to the number. */
    private static Suffix unitWord(String w, int at, boolean attached) {
        UnitWord u = UNITS.get(w);
        if (u == null || attached && !u.attached) {
            return null;
        }
        return new Suffix(u.unit, at + w.length(), u.scale);
    }

    /** True when a word of a ratio or a percentage ("times", "percent") starts at {@code at}. */
    public static boolean ratioWordAt(String text, int at) {
        for (String w : RATIO_WORDS) {
            if (text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the unit noun that directly follows a scale word: "109M parameters", "27B tokens". */
    private static Suffix withNoun(String text, Suffix s, boolean money) {
        if (money) {
            return new Suffix(Unit.MONEY, s.end(), s.scale());
        }
        int r = s.end();
        if (r < text.length() && (text.charAt(r) == ' ' || text.charAt(r) == '-')) {
            String w = WordWindow.word(text, r + 1);
            String lower = w.toLowerCase(Locale.ROOT);
            if (MetricWords.PARAM_NOUNS.contains(lower) || MetricWords.TOKEN_NOUNS.contains(lower) || MetricWords.DATA_NOUNS.contains(lower)) {
                return new Suffix(Unit.SCALE, r + 1 + w.length(), s.scale());
            }
        }
        return s;
    }

    /** End of a scraped duplicate after "N%": "percentNN\\%N %" (MathML alt text), else {@code e}. */
    static int garbleEnd(String text, int e) {
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
    static int skipCoordinated(String text, int e) {
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
            int q = NumberReader.parseNumberEnd(text, b);
            Suffix s = suffix(text, q, false);
            if (s == null) {
                break;
            }
            r = garbleEnd(text, s.end());
        }
        return r;
    }
}
