package io.paperpulse.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code q} of a search, read into clauses that must all match: plain words, {@code "quoted phrases"} and
 * {@code word*} prefixes. Every term is folded like the index ({@link SearchText}), and user text only ever becomes
 * a term, never query syntax: an unbalanced quote simply ends the phrase at the end of the text.
 */
public record SearchQuery(List<Clause> clauses) {
    /** Most words one query may have, phrases' words included. */
    public static final int MAX_WORDS = 10;
    /** Shortest prefix worth expanding: one letter would match most of the index. */
    public static final int MIN_PREFIX = 2;

    public static final SearchQuery NONE = new SearchQuery(List.of());

    public sealed interface Clause permits Word, Phrase, Prefix {
    }

    public record Word(String term) implements Clause {
    }

    /** Terms that must stand next to each other, in this order. */
    public record Phrase(List<String> terms) implements Clause {
    }

    public record Prefix(String prefix) implements Clause {
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** Reads {@code q}; a query without a letter or digit, or with too many words, is refused with the reason. */
    public static SearchQuery parse(String q) {
        List<Clause> clauses = new ArrayList<>();
        int words = 0;
        String[] parts = q.split("\"", -1);
        for (int p = 0; p < parts.length; p++) {
            boolean quoted = p % 2 == 1;
            List<String> terms = new ArrayList<>();
            for (String word : parts[p].strip().split("\\s+")) {
                if (!quoted && word.endsWith("*") && !SearchText.queryTerm(word).isEmpty()) {
                    String prefix = SearchText.queryTerm(word);
                    if (prefix.length() < MIN_PREFIX) {
                        throw new IllegalArgumentException("a prefix needs at least " + MIN_PREFIX + " letters or digits before '*'");
                    }
                    clauses.add(new Prefix(prefix));
                    words++;
                    continue;
                }
                String term = SearchText.queryTerm(word);
                if (!term.isEmpty()) {
                    terms.add(term);
                }
            }
            words += terms.size();
            if (quoted && terms.size() > 1) {
                clauses.add(new Phrase(List.copyOf(terms)));
            } else {
                terms.forEach(t -> clauses.add(new Word(t)));
            }
        }
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("must contain a letter or a digit");
        }
        if (words > MAX_WORDS) {
            throw new IllegalArgumentException("must have at most " + MAX_WORDS + " words");
        }
        return new SearchQuery(List.copyOf(clauses));
    }
}
