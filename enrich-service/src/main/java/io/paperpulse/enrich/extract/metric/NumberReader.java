package io.paperpulse.enrich.extract.metric;

import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.WordWindow;

/** Where a number ends ("1,234.5"), what to skip (identifiers, dimensions "224 x 224") and sizes inside model names. */
final class NumberReader {
    private NumberReader() {
    }

    /** A LaTeX command name glued to a number in a scraped page: "sim0.6", "le13". */
    static boolean isLatexPrefix(String prefix) {
        return MetricWords.LATEX_PREFIXES.contains(prefix);
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

    static int skipIdentifier(String text, int i) {
        int q = i;
        int len = text.length();
        while (q < len && (Chars.isWordChar(text.charAt(q)) || text.charAt(q) == '.' && q + 1 < len
                && Chars.isDigit(text.charAt(q + 1)))) {
            q++;
        }
        return q;
    }

    /** "224 x 224": a resolution, not a ratio. */
    static boolean isDimension(String text, int afterX) {
        int r = afterX;
        while (r < text.length() && text.charAt(r) == ' ') {
            r++;
        }
        return r < text.length() && Chars.isDigit(text.charAt(r));
    }

    static int skipDimension(String text, int afterX) {
        int r = afterX;
        while (r < text.length() && text.charAt(r) == ' ') {
            r++;
        }
        return skipIdentifier(text, r);
    }

    /** "Mistral 7B", "Llama 2 7B": a size right after a capitalised name belongs to the name. */
    static boolean afterModelName(String text, int s, int q) {
        if (s < 2 || text.charAt(s - 1) != ' ' || q >= text.length()) {
            return false;
        }
        char c = text.charAt(q);
        if (!(c == 'B' || c == 'M') || Chars.isWordCharAt(text, q + 1)) {
            return false;
        }
        String[] after = WordWindow.after(text, q + 1, 1, MetricWords.POOL);
        if (after.length > 0 && (MetricWords.PARAM_NOUNS.contains(after[0]) || after[0].equals("parameter"))) {
            return false;
        }
        String prev = WordWindow.wordBefore(text, s - 1);
        if (prev.isEmpty()) {
            return false;
        }
        if (Chars.isDigit(prev.charAt(0)) && prev.length() <= 3) {
            int b = s - 2 - prev.length();
            prev = b > 0 ? WordWindow.wordBefore(text, b) : "";
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

    /** True when the number at {@code i} after a {@code $} ends in a LaTeX remnant: "$5-6\\times$", "$45.1$". */
    static boolean isMath(String text, int i) {
        int q = i;
        while (q < text.length() && q - i < 30 && (Chars.isDigit(text.charAt(q)) || text.charAt(q) == '.'
                || text.charAt(q) == ',' || text.charAt(q) == '-' || text.charAt(q) == '–')) {
            q++;
        }
        return q < text.length() && (text.charAt(q) == '$' || text.charAt(q) == '\\' || text.charAt(q) == '}');
    }

    /** Past the brace (and dollar) closing a LaTeX number when a % or times sign follows: "\\textbf{85.2}\\%". */
    static int latexClosed(String text, int q) {
        if (q >= text.length() || text.charAt(q) != '}') {
            return q;
        }
        int r = q + 1;
        if (r < text.length() && text.charAt(r) == '$') {
            r++;
        }
        Suffix s = UnitReader.suffix(text, r, false);
        return s != null && (s.unit() == Unit.PERCENT || s.unit() == Unit.TIMES) ? r : q;
    }
}
