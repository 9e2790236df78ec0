package io.paperpulse.enrich.extract.entity;

import java.util.HashMap;
import java.util.Map;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import io.paperpulse.enrich.extract.text.Chars;

/**
 * Finds every occurrence of many names in one pass (Aho-Corasick over a double-array trie), keeping those that are
 * word-bounded: no word character directly before, and after either none or an "_x" variant suffix ("BERT_BASE").
 * A folding matcher stores names lower-cased and reads the text lower-cased char by char, so offsets stay exact.
 * Immutable after construction, thus thread-safe.
 */
final class NameMatcher {
    /** Receives each match {@code [start, end)} with its payload. */
    @FunctionalInterface
    interface Sink {
        void match(int start, int end, int payload);
    }

    private final AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean fold;
    private final boolean empty;

    NameMatcher(Map<String, Integer> names, boolean fold) {
        this.fold = fold;
        Map<String, Integer> keyed = new HashMap<>();
        names.forEach((name, payload) -> {
            if (!name.isEmpty()) {
                keyed.merge(fold ? lower(name) : name, payload, (a, b) -> a | b);
            }
        });
        this.empty = keyed.isEmpty();
        if (!empty) {
            trie.build(keyed);
        }
    }

    void scan(String text, Sink sink) {
        if (empty || text.isEmpty()) {
            return;
        }
        trie.parseText(fold ? new LowerCase(text) : text, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (start, end, payload) -> {
            if (!Chars.isWordCharBefore(text, start) && boundedAfter(text, end)) {
                sink.match(start, end, payload);
            }
        });
    }

    /** The text lower-cased char by char, read in place: offsets stay those of the text. */
    private record LowerCase(String text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            return Chars.lower(text.charAt(index));
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new LowerCase(text.substring(start, end));
        }

        @Override
        public String toString() {
            StringBuilder lower = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                lower.append(charAt(i));
            }
            return lower.toString();
        }
    }

    private static boolean boundedAfter(String text, int end) {
        return end >= text.length() || !Chars.isWordChar(text.charAt(end))
                || text.charAt(end) == '_' && Chars.isWordCharAt(text, end + 1);
    }

    private static String lower(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Chars.lower(chars[i]);
        }
        return new String(chars);
    }
}
