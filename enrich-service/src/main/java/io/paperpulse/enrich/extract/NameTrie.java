package io.paperpulse.enrich.extract;

import java.util.Arrays;
import java.util.Map;

/**
 * A compact multi-pattern matcher for word-bounded names: a trie whose transitions live in one open-addressing hash
 * table keyed by (node, char), walked only from positions a match may start at (no word character before). Each walk
 * is at most as long as the longest name, so a scan is linear in the text; it allocates nothing. Immutable after
 * construction, thus thread-safe. A case-folding trie lower-cases each text character as it walks (names are
 * stored lower-cased), which keeps offsets exact.
 */
final class NameTrie {
    /** Receives each match {@code [start, end)} with its payload. */
    @FunctionalInterface
    interface Sink {
        void match(int start, int end, int payload);
    }

    private final boolean fold;
    /** Build-time transition table (node, char) -> child; dropped once the compact layout exists. */
    private long[] keys;
    private int[] children;
    private final int mask;
    private final int[] payload;
    private final int[] root = new int[128];
    /** Hashes of every name's first word (its leading run of word characters): a word start not among them starts
     * no name, so most words cost one probe instead of a walk. */
    private final long[] firstWords;
    private final int firstMask;
    /** True when some name starts with a character that is not a word character. */
    private final boolean oddStart;
    /** Children of node n: labels/targets[first[n] .. first[n + 1]), sorted by label, laid out breadth-first. */
    private final int[] first;
    private final char[] labels;
    private final int[] targets;

    NameTrie(Map<String, Integer> names, boolean fold) {
        this.fold = fold;
        int chars = 0;
        for (String name : names.keySet()) {
            chars += name.length();
        }
        int capacity = Integer.highestOneBit(Math.max(16, chars * 2)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, -1L);
        children = new int[capacity];
        mask = capacity - 1;
        int[] pay = new int[chars + 1];
        int nodes = 1;
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int i = 0; i < name.length(); i++) {
                char c = fold ? lower(name.charAt(i)) : name.charAt(i);
                int next = child(node, c);
                if (next < 0) {
                    next = nodes++;
                    put(node, c, next);
                }
                node = next;
            }
            pay[node] |= e.getValue();
        }
        // re-number breadth-first and store each node's children contiguously, sorted: lookups stay in cache
        int[][] kids = new int[nodes][];
        char[][] kidLabels = new char[nodes][];
        int[] count = new int[nodes];
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != -1L) {
                count[(int) (keys[s] >>> 16)]++;
            }
        }
        for (int n = 0; n < nodes; n++) {
            kids[n] = new int[count[n]];
            kidLabels[n] = new char[count[n]];
            count[n] = 0;
        }
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != -1L) {
                int parent = (int) (keys[s] >>> 16);
                kids[parent][count[parent]] = children[s];
                kidLabels[parent][count[parent]++] = (char) (keys[s] & 0xFFFF);
            }
        }
        int[] order = new int[nodes];
        int[] rank = new int[nodes];
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int n = order[head];
            rank[n] = head++;
            Integer[] idx = new Integer[kids[n].length];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = k;
            }
            final char[] lab = kidLabels[n];
            Arrays.sort(idx, (x, y) -> Character.compare(lab[x], lab[y]));
            int[] sortedKids = new int[idx.length];
            char[] sortedLabels = new char[idx.length];
            for (int k = 0; k < idx.length; k++) {
                sortedKids[k] = kids[n][idx[k]];
                sortedLabels[k] = lab[idx[k]];
                order[tail++] = sortedKids[k];
            }
            kids[n] = sortedKids;
            kidLabels[n] = sortedLabels;
        }
        first = new int[nodes + 1];
        labels = new char[nodes];
        targets = new int[nodes];
        payload = new int[nodes];
        int at = 0;
        for (int r = 0; r < nodes; r++) {
            int n = order[r];
            first[r] = at;
            payload[r] = pay[n];
            for (int k = 0; k < kids[n].length; k++) {
                labels[at] = kidLabels[n][k];
                targets[at++] = rank[kids[n][k]];
            }
        }
        first[nodes] = at;
        for (char c = 0; c < 128; c++) {
            root[c] = next(0, c);
        }
        int cap = Integer.highestOneBit(Math.max(16, names.size() * 4)) << 1;
        firstWords = new long[cap];
        firstMask = cap - 1;
        boolean odd = false;
        for (String name : names.keySet()) {
            if (name.isEmpty()) {
                continue;
            }
            if (!Chars.isWordChar(name.charAt(0))) {
                odd = true;
                continue;
            }
            long h = SEED;
            for (int i = 0; i < name.length() && Chars.isWordChar(name.charAt(i)); i++) {
                h = mix(h, fold ? lower(name.charAt(i)) : name.charAt(i));
            }
            addFirstWord(h);
        }
        oddStart = odd;
        keys = null;
        children = null;
    }

    static final long SEED = 0xcbf29ce484222325L;

    /** FNV-1a step over one character. */
    static long mix(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private void addFirstWord(long h) {
        long k = h == 0 ? 1 : h;
        int s = (int) (k ^ (k >>> 29)) & firstMask;
        while (firstWords[s] != 0 && firstWords[s] != k) {
            s = (s + 1) & firstMask;
        }
        firstWords[s] = k;
    }

    /** True when some name starts with the word whose hash (from {@link #mix}, folded if this trie folds) is h. */
    boolean startsWithWord(long h) {
        long k = h == 0 ? 1 : h;
        int s = (int) (k ^ (k >>> 29)) & firstMask;
        while (true) {
            long found = firstWords[s];
            if (found == k) {
                return true;
            }
            if (found == 0) {
                return false;
            }
            s = (s + 1) & firstMask;
        }
    }

    boolean folds() {
        return fold;
    }

    boolean hasOddStarts() {
        return oddStart;
    }

    /** The child of node n (breadth-first number) by character c, or -1. */
    private int next(int n, char c) {
        int lo = first[n];
        int hi = first[n + 1] - 1;
        if (hi - lo < 8) {
            for (int k = lo; k <= hi; k++) {
                if (labels[k] == c) {
                    return targets[k];
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private void put(int node, char c, int child) {
        long k = key(node, c);
        int s = slot(k, mask);
        while (keys[s] != -1L) {
            s = (s + 1) & mask;
        }
        keys[s] = k;
        children[s] = child;
    }

    private int child(int node, char c) {
        long k = key(node, c);
        int s = slot(k, mask);
        while (true) {
            long found = keys[s];
            if (found == k) {
                return children[s];
            }
            if (found == -1L) {
                return -1;
            }
            s = (s + 1) & mask;
        }
    }

    /** Reports every name occurrence with no word character directly before it and, after it, none or "_x". */
    void scan(String text, Sink sink) {
        int len = text.length();
        boolean wordBefore = false;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            boolean word = Chars.isWordChar(c);
            if (wordBefore) {
                wordBefore = word;
                continue;
            }
            wordBefore = word;
            if (fold) {
                c = lower(c);
            }
            int node = c < 128 ? root[c] : next(0, c);
            if (node < 0) {
                continue;
            }
            for (int j = i; ; ) {
                int p = payload[node];
                if (p != 0) {
                    int end = j + 1;
                    if (end >= len || !Chars.isWordChar(text.charAt(end))
                            || text.charAt(end) == '_' && end + 1 < len && Chars.isWordChar(text.charAt(end + 1))) {
                        sink.match(i, end, p);
                    }
                }
                if (++j >= len) {
                    break;
                }
                char d = text.charAt(j);
                node = next(node, fold ? lower(d) : d);
                if (node < 0) {
                    break;
                }
            }
        }
    }

    /** Reports the names that start at i (the caller checked the left boundary). */
    void walk(String text, int i, Sink sink) {
        int len = text.length();
        char c = text.charAt(i);
        if (fold) {
            c = lower(c);
        }
        int node = c < 128 ? root[c] : next(0, c);
        for (int j = i; node >= 0; ) {
            int p = payload[node];
            if (p != 0) {
                int end = j + 1;
                if (end >= len || !Chars.isWordChar(text.charAt(end))
                        || text.charAt(end) == '_' && end + 1 < len && Chars.isWordChar(text.charAt(end + 1))) {
                    sink.match(i, end, p);
                }
            }
            if (++j >= len) {
                break;
            }
            char d = text.charAt(j);
            node = next(node, fold ? lower(d) : d);
        }
    }

    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
