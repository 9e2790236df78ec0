package io.paperpulse.enrich.extract.text;

import io.paperpulse.contracts.TextStats;

/** Counts words and sentences of a paper's title and abstract; reading time at 238 words a minute. */
public final class TextStatistics {
    static final double WORDS_PER_MINUTE = 238.0;

    private static final byte WORD = 1;
    private static final byte SPACE = 2;
    /** What an ASCII character is to {@link #words}: one table read per character instead of the range tests. */
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_KIND[c] = Chars.isLetter(c) || Chars.isDigit(c) ? WORD : Chars.isWhitespace(c) ? SPACE : 0;
        }
    }

    public TextStats of(String title, String abstractText) {
        int titleWords = words(title);
        int words = titleWords + words(abstractText);
        int sentences = sentences(abstractText) + (titleWords > 0 ? 1 : 0);
        double minutes = Math.round(words / WORDS_PER_MINUTE * 10.0) / 10.0;
        return new TextStats(words, sentences, minutes);
    }

    static int words(String text) {
        if (text == null) {
            return 0;
        }
        // 0/1 arithmetic instead of branches: a branch per character mispredicts at every word boundary
        int count = 0;
        int inWord = 0;
        int len = text.length();
        for (int i = 0; i < len; ) {
            char c = text.charAt(i);
            int wordChar;
            int space;
            if (c < 128) {
                int kind = ASCII_KIND[c];
                wordChar = kind & WORD;
                space = kind >> 1;
                i++;
            } else {
                int cp = text.codePointAt(i);
                wordChar = Character.isLetterOrDigit(cp) ? 1 : 0;
                space = Character.isWhitespace(cp) ? 1 : 0;
                i += Character.charCount(cp);
            }
            count += wordChar & ~inWord;
            inWord = wordChar | (inWord & ~space);
        }
        return count;
    }

    /** The smaller of two positions where -1 means none. */
    private static int earliest(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** A sentence ends at . ! ? followed by whitespace and an upper-case letter, or at the end of the text. */
    static int sentences(String text) {
        if (text == null) {
            return 0;
        }
        int n = text.length();
        int end = n;
        while (end > 0 && Chars.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return 0; // blank; found from the end, so a text is not read twice to know it is blank
        }
        int count = 0;
        // each stop character found by String.indexOf, which reads many characters a step
        int dot = text.indexOf('.');
        int bang = text.indexOf('!');
        int question = text.indexOf('?');
        while (dot >= 0 || bang >= 0 || question >= 0) {
            int i = earliest(dot, earliest(bang, question));
            int j = i + 1;
            while (j < n && Chars.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j == n || (j > i + 1 && Character.isUpperCase(text.charAt(j)))) {
                count++;
            }
            char c = text.charAt(i);
            if (c == '.') {
                dot = text.indexOf('.', i + 1);
            } else if (c == '!') {
                bang = text.indexOf('!', i + 1);
            } else {
                question = text.indexOf('?', i + 1);
            }
        }
        char last = text.charAt(end - 1);
        return last == '.' || last == '!' || last == '?' ? count : count + 1;
    }
}
