package io.paperpulse.enrich.extract.text;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The words the rules know (word lists, gazetteer entries), each kept once: a token of the text that equals one is
 * that shared string, found without copying the characters, so most tokens of an abstract cost no allocation. An
 * open-addressing table built once; immutable and thread-safe after construction.
 */
public final class TokenPool {
    /** No known word: every token is a fresh substring. */
    public static final TokenPool EMPTY = new TokenPool(List.of());

    private final String[] table;
    private final int mask;

    public TokenPool(Collection<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 3)) << 1;
        table = new String[size];
        mask = size - 1;
        for (String w : words) {
            if (!w.isEmpty()) {
                add(w.intern());
            }
        }
    }

    private void add(String w) {
        int i = spread(w.hashCode()) & mask;
        while (table[i] != null) {
            if (table[i].equals(w)) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = w;
    }

    /** {@code text.substring(from, to)}, the pooled instance when the pool holds it. */
    public String substring(String text, int from, int to) {
        return substring(text, from, to, polynomial(text, from, to));
    }

    /**
     * {@link #substring(String, int, int)} for a caller that computed {@code h = 31 * h + c} over the characters
     * while reading them (the tokenizer), so they are not read twice.
     */
    String substring(String text, int from, int to, int h) {
        String pooled = find(text, from, to, spread(h));
        return pooled != null ? pooled : text.substring(from, to);
    }

    private String find(String text, int from, int to) {
        return find(text, from, to, spread(polynomial(text, from, to)));
    }

    private String find(String text, int from, int to, int hash) {
        int len = to - from;
        int i = hash & mask;
        for (String w = table[i]; w != null; w = table[i]) {
            if (w.length() == len && text.regionMatches(from, w, 0, len)) {
                return w;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Number of slots: a slot is an index in {@code [0, capacity())}, for tables of data per pooled word. */
    public int capacity() {
        return table.length;
    }

    /** The pooled word in a slot, null for an empty one. */
    public String wordAt(int slot) {
        return table[slot];
    }

    /**
     * The slot of {@code w} when it is the pooled instance itself (as the tokens this pool cut are), else -1: no
     * character is compared, and a pooled word's hash code is cached in it (the pool's hash is {@code hashCode()}
     * spread).
     */
    public int slotOf(String w) {
        int i = spread(w.hashCode()) & mask;
        for (String p = table[i]; p != null; p = table[i]) {
            if (p == w) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * The pooled word that equals {@code w} lower-cased ({@code toLowerCase(Locale.ROOT)}), or null when the pool
     * holds none: a lookup of a word's lower case without building the lower-cased string.
     */
    public String lowerCaseOf(String w) {
        return lowerCaseOf(w, 0, w.length());
    }

    /** {@link #lowerCaseOf(String)} of {@code text.substring(from, to)}, without the copy. */
    public String lowerCaseOf(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
                return find(lower, 0, lower.length());
            }
            h = 31 * h + Chars.lower(c);
        }
        return findLowerCase(text, from, to, h);
    }

    /**
     * True when the pool holds {@code text.substring(from, to)}, {@code h} being its {@link String#hashCode()}
     * (computed by a caller that read the characters anyway): no allocation, hit or miss.
     */
    public boolean holds(String text, int from, int to, int h) {
        return find(text, from, to, spread(h)) != null;
    }

    /**
     * True when the pool holds {@code text.substring(from, to)} lower-cased char by char with {@link Chars#lower},
     * {@code h} being the hash of those lower-cased characters.
     */
    public boolean holdsLowerCase(String text, int from, int to, int h) {
        return findLowerCase(text, from, to, h) != null;
    }

    private String findLowerCase(String text, int from, int to, int h) {
        int len = to - from;
        int i = spread(h) & mask;
        for (String p = table[i]; p != null; p = table[i]) {
            if (p.length() == len && isLowerCaseOf(p, text, from)) {
                return p;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** {@code text.substring(from, to).toLowerCase(Locale.ROOT)}, the pooled instance when the pool holds it. */
    public String lowerCase(String text, int from, int to) {
        String pooled = lowerCaseOf(text, from, to);
        return pooled != null ? pooled : text.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static boolean isLowerCaseOf(String lower, String text, int from) {
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) != Chars.lower(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#hashCode()} of {@code s.substring(from, to)}, without the copy. */
    private static int polynomial(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
