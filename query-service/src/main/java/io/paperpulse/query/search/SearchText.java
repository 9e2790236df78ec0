package io.paperpulse.query.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds text for matching in the application rather than in the store, so the embedded store (no $text, no collation)
 * and MongoDB give the same answers: accents stripped, case folded, words split on anything but letters and digits.
 */
public final class SearchText {
    /** Most terms one query may have; also what keeps the relevance weights of {@link PaperSearch} apart. */
    public static final int MAX_QUERY_TERMS = 10;
    /** Longer runs (URLs glued together, base64) are never useful search terms and would only bloat the index. */
    static final int MAX_TERM_LENGTH = 64;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private SearchText() {
    }

    /** "Café  Überblick" gives "cafe  uberblick". */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** An entity's grouping key: case variants ("BERT", "Bert") share it, punctuation ("ResNet-50") is kept. */
    public static String key(String name) {
        return SPACES.matcher(fold(name).strip()).replaceAll(" ");
    }

    /**
     * The terms a text is found by: every run of letters or digits, plus each word's runs joined, so "pre-trained"
     * is found by "pre", "trained" and "pretrained".
     */
    public static Set<String> indexTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        for (String word : words(text)) {
            List<String> runs = runs(word);
            runs.forEach(run -> add(terms, run));
            if (runs.size() > 1) {
                add(terms, String.join("", runs));
            }
        }
        return terms;
    }

    /** The terms of a query: each word with its runs joined, the form {@link #indexTerms} stores for every word. */
    public static List<String> queryTerms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(query)) {
            String joined = String.join("", runs(word));
            if (!joined.isEmpty()) {
                terms.add(joined);
            }
        }
        return List.copyOf(terms);
    }

    private static String[] words(String text) {
        String folded = fold(text).strip();
        return folded.isEmpty() ? new String[0] : SPACES.split(folded);
    }

    private static List<String> runs(String word) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        word.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                run.appendCodePoint(cp);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static void add(Set<String> terms, String term) {
        if (term.length() <= MAX_TERM_LENGTH) {
            terms.add(term);
        }
    }
}
