package io.paperpulse.enrich.extract.text;

import io.paperpulse.contracts.TextStats;

/** Counts words and sentences of a paper's title and abstract; reading time at 238 words a minute. */
public final class TextStatistics {
    static final double WORDS_PER_MINUTE = 238.0;

    public TextStats of(String title, String abstractText) {
        int words = words(title) + words(abstractText);
        int sentences = sentences(abstractText) + (words(title) > 0 ? 1 : 0);
        double minutes = Math.round(words / WORDS_PER_MINUTE * 10.0) / 10.0;
        return new TextStats(words, sentences, minutes);
    }

    static int words(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        int len = text.length();
        for (int i = 0; i < len; ) {
            char c = text.charAt(i);
            boolean wordChar;
            boolean space;
            if (c < 128) {
                wordChar = Chars.isLetter(c) || Chars.isDigit(c);
                space = Chars.isWhitespace(c);
                i++;
            } else {
                int cp = text.codePointAt(i);
                wordChar = Character.isLetterOrDigit(cp);
                space = Character.isWhitespace(cp);
                i += Character.charCount(cp);
            }
            if (wordChar && !inWord) {
                count++;
            }
            if (space) {
                inWord = false;
            } else if (wordChar) {
                inWord = true;
            }
        }
        return count;
    }

    /** A sentence ends at . ! ? followed by whitespace and an upper-case letter, or at the end of the text. */
    static int sentences(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int count = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int j = i + 1;
            while (j < n && Chars.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j == n || (j > i + 1 && Character.isUpperCase(text.charAt(j)))) {
                count++;
            }
        }
        int end = n;
        while (Chars.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        char last = text.charAt(end - 1);
        return last == '.' || last == '!' || last == '?' ? count : count + 1;
    }
}
