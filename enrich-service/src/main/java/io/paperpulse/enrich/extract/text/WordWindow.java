package io.paperpulse.enrich.extract.text;

import java.util.Arrays;

/**
 * The words around an offset of a text, lower-cased, within the sentence: what the metric rules read to tell a
 * quantity's kind and sign. A word is a run of word characters with inner hyphens ("top-1", "gpu-hours"). Words that
 * a pool holds come as its shared strings.
 */
public final class WordWindow {
    private WordWindow() {
    }

    /** The word starting at {@code at} (case kept), "" when none. */
    public static String word(String text, int at) {
        int e = at;
        int len = text.length();
        while (e < len && (Chars.isWordChar(text.charAt(e)) || text.charAt(e) == '-' && e + 1 < len
                && Chars.isWordChar(text.charAt(e + 1)) && e > at)) {
            e++;
        }
        return text.substring(at, e);
    }

    /** The word ending at {@code end} after skipping spaces (case kept), "=" for an equals sign, "" when none. */
    public static String wordBefore(String text, int end) {
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

    /** Up to n lower-cased words before offset s, in text order, within the sentence; a "+" counts as a word. */
    public static String[] before(String text, int s, int n, TokenPool words) {
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
            out[--k] = words.lowerCase(text, i, e);
        }
        String[] res = new String[n - k];
        System.arraycopy(out, k, res, 0, n - k);
        return res;
    }

    /** Up to n lower-cased words after offset e, within the clause (stops at . ; ! ? , ( ) :). */
    public static String[] after(String text, int e, int n, TokenPool words) {
        String[] out = new String[n];
        int k = 0;
        int i = e;
        int len = text.length();
        while (k < n && i < len) {
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
            out[k++] = words.lowerCase(text, b, i);
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }
}
