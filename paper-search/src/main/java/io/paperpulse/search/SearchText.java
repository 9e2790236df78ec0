package io.paperpulse.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching: accents stripped, case folded, words split on white space and each word into runs of
 * letters or digits. The index, the queries and the entity keys all fold through here, so "Café", "cafe" and "CAFÉ"
 * meet, and "pre-trained" is found by "pre", "trained" and "pretrained".
 */
public final class SearchText {
    /** Longer runs (URLs glued together, base64) are never useful search terms and would only bloat the index. */
    public static final int MAX_TERM_LENGTH = 64;
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
     * A term found in a text, with the offsets {@code [start, end)} of what it stands for in the original text.
     *
     * @param joined whether this is a word's runs joined ("pretrained" of "pre-trained"), which stands at the position
     *        of the word's last run
     */
    public record Token(String term, int start, int end, boolean joined) {
    }

    /**
     * The terms a text is found by, in order: every run of letters or digits of a word, then (for a word of several
     * runs) the runs joined. Terms longer than {@link #MAX_TERM_LENGTH} are left out.
     */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        List<Token> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runStart = -1;
        int i = 0;
        int length = text.length();
        while (i <= length) {
            int cp = i < length ? text.codePointAt(i) : ' ';
            int next = i + Character.charCount(cp);
            // ASCII, nearly all of an abstract, folds without a string per character
            boolean wordChar;
            if (cp < 0x80) {
                wordChar = cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
                if (wordChar) {
                    run.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
                }
            } else {
                String folded = fold(new String(Character.toChars(cp)));
                wordChar = !folded.isEmpty() && Character.isLetterOrDigit(folded.codePointAt(0));
                if (wordChar) {
                    run.append(folded);
                }
            }
            if (wordChar) {
                if (runStart < 0) {
                    runStart = i;
                }
            } else if (runStart >= 0) {
                runs.add(new Token(run.toString(), runStart, i, false));
                run.setLength(0);
                runStart = -1;
            }
            // a word ends at white space (or the end of the text); its runs are complete
            if ((i == length || Character.isWhitespace(cp)) && !runs.isEmpty()) {
                endWord(runs, tokens);
            }
            i = next;
        }
        return tokens;
    }

    private static void endWord(List<Token> runs, List<Token> tokens) {
        StringBuilder joined = new StringBuilder();
        for (Token r : runs) {
            keep(tokens, r);
            joined.append(r.term());
        }
        if (runs.size() > 1) {
            keep(tokens, new Token(joined.toString(), runs.get(0).start(), runs.get(runs.size() - 1).end(), true));
        }
        runs.clear();
    }

    private static void keep(List<Token> tokens, Token token) {
        if (token.term().length() <= MAX_TERM_LENGTH) {
            tokens.add(token);
        }
    }

    /** The terms of a query word: its runs joined, the form {@link #tokens} indexes for every word. */
    public static String queryTerm(String word) {
        StringBuilder joined = new StringBuilder();
        for (Token t : tokens(word)) {
            if (!t.joined()) {
                joined.append(t.term());
            }
        }
        return joined.toString();
    }
}
