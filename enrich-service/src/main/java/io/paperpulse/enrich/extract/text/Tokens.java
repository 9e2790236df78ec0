package io.paperpulse.enrich.extract.text;

import java.util.Arrays;

/**
 * A text cut into compound tokens: runs of letters, digits and {@code _}, joined by a single {@code -} between word
 * characters ("ResNet-50", "state-of-the-art") or a {@code .} between digits ("3.0"). Keeps, for each token, whether
 * it starts a sentence, and marks the tokens that stand inside a URL. The "gap" of token k is the text between token
 * k-1 (or the start) and token k. Read-only after construction.
 */
public class Tokens {
    public final String text;
    /** Number of tokens; the arrays may be longer (they are sized from the text's length, not grown to fit). */
    public int n;
    public int[] start;
    public int[] end;
    public String[] tok;
    public boolean[] sentenceStart;
    public boolean[] inUrl;

    public Tokens(String text) {
        this(text, TokenPool.EMPTY);
    }

    /** Tokens whose text {@code pool} holds share its strings. */
    public Tokens(String text, TokenPool pool) {
        this.text = text == null ? "" : text;
        tokenize(pool);
    }

    private void tokenize(TokenPool pool) {
        String s = this.text;
        int len = s.length();
        int cap = Math.max(8, len / 6);
        start = new int[cap];
        end = new int[cap];
        tok = new String[cap];
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            if (!Chars.isWordChar(c)) {
                i++;
                continue;
            }
            int b = i;
            // the pool's hash, computed while the characters are read: the pool lookup need not read them again
            int h = 0;
            while (true) {
                while (i < len && Chars.isWordChar(c = s.charAt(i))) {
                    h = 31 * h + c;
                    i++;
                }
                if (i + 1 < len && (c == '-' && Chars.isWordChar(s.charAt(i + 1))
                        || c == '.' && Chars.isDigit(s.charAt(i - 1)) && Chars.isDigit(s.charAt(i + 1)))) {
                    h = 31 * h + c;
                    i++;
                    continue;
                }
                break;
            }
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                end = Arrays.copyOf(end, n * 2);
                tok = Arrays.copyOf(tok, n * 2);
            }
            start[n] = b;
            end[n] = i;
            tok[n] = pool.substring(s, b, i, h);
            n++;
        }
        sentenceStart = new boolean[n];
        inUrl = new boolean[n];
        for (int k = 1; k < n; k++) {
            sentenceStart[k] = endsSentence(k);
        }
        if (n > 0) {
            sentenceStart[0] = true;
        }
        markUrls();
    }

    /** True when the text between token k-1 and k closes a sentence: ". ", "! ", "? " (not "e.g. x"). */
    private boolean endsSentence(int k) {
        int from = end[k - 1];
        int to = start[k];
        boolean stop = false;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ':' && k < n && Chars.isUpper(text.charAt(start[k]))) {
                stop = true;
            } else if (Chars.isWhitespace(c)) {
                space |= stop;
            }
        }
        if (!stop || !space) {
            return false;
        }
        String prev = tok[k - 1];
        // abbreviations: "e.g. BERT", "i.e. the", "et al. (2019)", "vs. GPT"
        return !(prev.length() == 1 && Chars.isLower(prev.charAt(0))) && !"al".equals(prev) && !"vs".equals(prev);
    }

    /**
     * Tokens inside a whitespace-delimited chunk that looks like a URL ("://", "www.", or host.tld/path). Only a chunk
     * that holds a slash or starts with "www." can, and {@link String#indexOf} finds those without reading every
     * character of the text.
     */
    private void markUrls() {
        String s = text;
        if (s.indexOf('/') < 0 && s.indexOf("www.") < 0 && s.indexOf("WWW.") < 0) {
            return;
        }
        int k = 0;
        int from = 0;
        for (int at = nextCandidate(from); at >= 0; at = nextCandidate(from)) {
            int b = at;
            while (b > from && !Chars.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            int e = at;
            while (e < s.length() && !Chars.isWhitespace(s.charAt(e))) {
                e++;
            }
            if (looksLikeUrl(b, e)) {
                while (k < n && start[k] < b) {
                    k++;
                }
                while (k < n && start[k] < e) {
                    inUrl[k] = true;
                    k++;
                }
            }
            from = e;
        }
    }

    /** The first slash from {@code from} on, or the first "www." that starts a chunk, whichever comes first; -1 for none. */
    private int nextCandidate(int from) {
        int slash = text.indexOf('/', from);
        int limit = slash < 0 ? text.length() : slash;
        for (int d = text.indexOf('.', from + 3); d >= 0 && d - 3 < limit; d = text.indexOf('.', d + 1)) {
            int w = d - 3;
            if (w >= from && text.regionMatches(true, w, "www", 0, 3) && (w == 0 || Chars.isWhitespace(text.charAt(w - 1)))) {
                return w;
            }
        }
        return slash;
    }

    /** A chunk {@code [b, e)} that holds "://", or a dot and a letter before a slash, or starts with "www.". */
    private boolean looksLikeUrl(int b, int e) {
        boolean slash = false;
        boolean dot = false;
        boolean url = false;
        for (int i = b; i < e; i++) {
            char c = text.charAt(i);
            if (c == '/') {
                url |= dot || (i + 1 < text.length() && text.charAt(i + 1) == '/' && i > b && text.charAt(i - 1) == ':');
                slash = true;
            } else if (c == '.') {
                dot |= !slash && i + 1 < text.length() && Chars.isLetter(text.charAt(i + 1));
            }
        }
        return url || e - b > 4 && text.regionMatches(true, b, "www.", 0, 4);
    }

    /** True when only whitespace stands between token k-1 and token k (and there is some, except before token 0). */
    public boolean gapIsSpace(int k) {
        int from = k == 0 ? 0 : end[k - 1];
        for (int i = from; i < start[k]; i++) {
            if (!Chars.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return from < start[k] || k == 0;
    }

    /** True when only whitespace or a closing parenthesis stands between token k-1 and token k. */
    public boolean gapIsSpaceOrParen(int k) {
        int from = k == 0 ? 0 : end[k - 1];
        for (int i = from; i < start[k]; i++) {
            char c = text.charAt(i);
            if (!Chars.isWhitespace(c) && c != ')') {
                return false;
            }
        }
        return true;
    }

    /** True when the gap before token k contains character c. */
    public boolean gapHas(int k, char c) {
        int from = k == 0 ? 0 : end[k - 1];
        for (int i = from; i < start[k]; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** True when the gap before token k holds any of the given characters. */
    public boolean gapHasAny(int k, String chars) {
        int from = k == 0 ? 0 : end[k - 1];
        for (int i = from; i < start[k]; i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The gap before token k, stripped of whitespace ("" when only spaces). */
    public String gap(int k) {
        int from = k == 0 ? 0 : end[k - 1];
        int to = start[k];
        while (from < to && Chars.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Chars.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return from == to ? "" : to - from == 1 && text.charAt(from) < 128 ? ONE_CHAR[text.charAt(from)] : text.substring(from, to);
    }

    /** True when the gap before token k, stripped, is exactly {@code c}. */
    public boolean gapIs(int k, char c) {
        int from = k == 0 ? 0 : end[k - 1];
        int seen = 0;
        for (int i = from; i < start[k]; i++) {
            char g = text.charAt(i);
            if (g == c) {
                seen++;
            } else if (!Chars.isWhitespace(g)) {
                return false;
            }
        }
        return seen == 1;
    }

    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    public boolean is(int k, String word) {
        return k >= 0 && k < n && tok[k].equals(word);
    }

    public boolean isIgnoreCase(int k, String word) {
        return k >= 0 && k < n && tok[k].equalsIgnoreCase(word);
    }

    /** Index of the token starting at char offset {@code offset}, or -1. */
    public int tokenAt(int offset) {
        return Spans.indexOf(start, n, offset);
    }

    /** Index of the token ending at char offset {@code offset}, or -1. */
    public int tokenEndingAt(int offset) {
        return Spans.indexOf(end, n, offset);
    }

    /** True when the character at {@code offset} belongs to a token inside a URL. */
    public boolean inUrlAt(int offset) {
        int k = Spans.holding(start, end, n, offset);
        return k >= 0 && inUrl[k];
    }
}
