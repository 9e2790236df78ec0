package io.paperpulse.enrich.extract.text;

/** Character classes every extractor uses: ASCII fast paths, {@link Character} for the rest. */
public final class Chars {
    private Chars() {
    }

    /** A letter, digit or {@code _}: what may not stand directly before or after an entity. */
    public static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    public static boolean isWordCharBefore(CharSequence text, int index) {
        return index > 0 && isWordChar(text.charAt(index - 1));
    }

    public static boolean isWordCharAt(CharSequence text, int index) {
        return index < text.length() && isWordChar(text.charAt(index));
    }

    /** The end of the run of word characters that starts at {@code from} ({@code from} itself when there is none). */
    public static int wordRunEnd(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when {@code [start, end)} has no word character directly before or after it. */
    public static boolean isBounded(CharSequence text, int start, int end) {
        return !isWordCharBefore(text, start) && !isWordCharAt(text, end);
    }

    /** {@link Character#isWhitespace(char)}, without its table lookup for ASCII. */
    public static boolean isWhitespace(char c) {
        if (c < 128) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c);
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isUpper(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z') : Character.isUpperCase(c);
    }

    public static boolean isLower(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') : Character.isLowerCase(c);
    }

    public static boolean isLetter(char c) {
        return c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetter(c);
    }

    /** A letter or digit of a host name label, or {@code -} (ASCII only). */
    public static boolean isHostChar(char c) {
        return c < 128 && (isWordChar(c) && c != '_' || c == '-');
    }

    /** Lower case without changing the length: one char in, one char out. */
    public static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
