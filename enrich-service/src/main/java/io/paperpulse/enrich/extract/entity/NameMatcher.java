package io.paperpulse.enrich.extract.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.TokenPool;

/**
 * Finds every word-bounded occurrence of many names in one pass: a character trie walked from each position that no
 * word character precedes, reporting the names that end where the text is bounded too (no word character after,
 * or an "_x" variant suffix: "BERT_BASE"). A name can only match where a word starts, so the walk visits a few
 * characters per word instead of every character. Hits come by start, then by end. A folding matcher stores names
 * lower-cased with hyphens as spaces and reads the text the same way char by char, so offsets stay exact. Immutable
 * after construction, thus thread-safe.
 *
 * <p>A name matches at p only where the text's run of word characters at p is the name's leading run (or, for a name
 * of word characters only, that run followed by an "_x" variant suffix): {@link Gazetteer#scan} checks the run against
 * {@link #isLeadingRun} before it walks the trie, since most words begin no name.
 */
final class NameMatcher {
    /** Receives each match {@code [start, end)} with its payload. */
    @FunctionalInterface
    interface Sink {
        void match(int start, int end, int payload);
    }

    private static final int NONE = -1;
    private static final int FEW_CHILDREN = 8;

    private final boolean fold;
    /** Child of the root per ASCII character, else {@link #NONE}. */
    private final int[] rootChild = new int[128];
    /**
     * Child per ASCII character of each child of the root (nodes 1 to {@code level1Nodes}): every walk takes its first
     * two steps without a search, and the first level is where nodes have the most children (half the walk's time
     * went to that binary search).
     */
    private final int[] level1Child;
    private final int level1Nodes;
    /**
     * The trie in breadth-first order, children of node n at {@code [firstEdge[n], firstEdge[n + 1])} sorted by
     * character: the shallow nodes every walk visits stay close together in memory.
     */
    private final int[] firstEdge;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    /** Per node: the merged payload of the name ending there, 0 when none does (payloads are non-zero type bits). */
    private final int[] payload;
    /** The leading runs of word characters of the names (lower-cased when folding). */
    private final TokenPool leadingRuns;

    /** A trie node while building. */
    private static final class Building {
        final Map<Character, Building> children = new TreeMap<>();
        int payload;
    }

    NameMatcher(Map<String, Integer> names, boolean fold) {
        this.fold = fold;
        Building root = new Building();
        int nodes = 1;
        List<String> runs = new ArrayList<>();
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            String name = fold ? folded(e.getKey()) : e.getKey();
            if (name.isEmpty()) {
                continue;
            }
            runs.add(name.substring(0, Chars.wordRunEnd(name, 0)));
            Building node = root;
            for (int i = 0; i < name.length(); i++) {
                Building child = node.children.get(name.charAt(i));
                if (child == null) {
                    child = new Building();
                    node.children.put(name.charAt(i), child);
                    nodes++;
                }
                node = child;
            }
            node.payload |= e.getValue();
        }
        leadingRuns = new TokenPool(runs);
        firstEdge = new int[nodes + 1];
        edgeChar = new char[nodes - 1];
        edgeTarget = new int[nodes - 1];
        payload = new int[nodes];
        List<Building> order = new ArrayList<>(nodes);
        order.add(root);
        int edges = 0;
        for (int id = 0; id < order.size(); id++) {
            Building node = order.get(id);
            payload[id] = node.payload;
            firstEdge[id] = edges;
            for (Map.Entry<Character, Building> child : node.children.entrySet()) {
                edgeChar[edges] = child.getKey();
                edgeTarget[edges++] = order.size();
                order.add(child.getValue());
            }
        }
        firstEdge[nodes] = edges;
        Arrays.fill(rootChild, NONE);
        for (int e = firstEdge[0]; e < firstEdge[1]; e++) {
            if (edgeChar[e] < 128) {
                rootChild[edgeChar[e]] = edgeTarget[e];
            }
        }
        level1Nodes = firstEdge[1] - firstEdge[0];
        level1Child = new int[level1Nodes * 128];
        Arrays.fill(level1Child, NONE);
        for (int node = 1; node <= level1Nodes; node++) {
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                if (edgeChar[e] < 128) {
                    level1Child[(node - 1) * 128 + edgeChar[e]] = edgeTarget[e];
                }
            }
        }
    }

    /** Reports the names that begin at p, which no word character precedes: shortest first. */
    void walk(String text, int p, Sink sink) {
        int len = text.length();
        int node = 0;
        for (int i = p; i < len && node != NONE; i++) {
            node = child(node, fold ? folded(text.charAt(i)) : text.charAt(i));
            if (node != NONE && payload[node] != 0 && boundedAfter(text, i + 1)) {
                sink.match(p, i + 1, payload[node]);
            }
        }
    }

    /**
     * True when {@code text[from, to)}, a run of word characters, is a name's leading run; {@code h} is the hash
     * ({@code 31 * h + c}) of its characters, lower-cased with {@link Chars#lower} for a folding matcher.
     */
    boolean isLeadingRun(String text, int from, int to, int h) {
        return fold ? leadingRuns.holdsLowerCase(text, from, to, h) : leadingRuns.holds(text, from, to, h);
    }

    private int child(int node, char c) {
        if (c < 128 && node <= level1Nodes) {
            return node == 0 ? rootChild[c] : level1Child[(node - 1) * 128 + c];
        }
        int from = firstEdge[node];
        int to = firstEdge[node + 1];
        if (to - from > FEW_CHILDREN) {
            int e = Arrays.binarySearch(edgeChar, from, to, c);
            return e >= 0 ? edgeTarget[e] : NONE;
        }
        // below the first level a node has one to three children on average: a short scan beats the search
        for (int e = from; e < to && edgeChar[e] <= c; e++) {
            if (edgeChar[e] == c) {
                return edgeTarget[e];
            }
        }
        return NONE;
    }

    private static boolean boundedAfter(String text, int end) {
        return end >= text.length() || !Chars.isWordChar(text.charAt(end))
                || text.charAt(end) == '_' && Chars.isWordCharAt(text, end + 1);
    }

    private static String folded(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = folded(chars[i]);
        }
        return new String(chars);
    }

    /** Lower case, and a hyphen read as a space: "question-answering" is "question answering", "cell-type" "cell type". */
    private static char folded(char c) {
        return c == '-' ? ' ' : Chars.lower(c);
    }
}
