package io.paperpulse.enrich.extract;

/** Character classes shared by the extractors. */
final class Chars {
    private Chars() {
    }

    /** A letter, digit or {@code _}: what may not stand directly before or after an entity. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    static boolean isWordCharBefore(CharSequence text, int index) {
        return index > 0 && isWordChar(text.charAt(index - 1));
    }

    static boolean isWordCharAt(CharSequence text, int index) {
        return index < text.length() && isWordChar(text.charAt(index));
    }

    /** True when {@code [start, end)} has no word character directly before or after it. */
    static boolean isBounded(CharSequence text, int start, int end) {
        return !isWordCharBefore(text, start) && !isWordCharAt(text, end);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z') : Character.isUpperCase(c);
    }

    static boolean isLower(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') : Character.isLowerCase(c);
    }

    static boolean isLetter(char c) {
        return c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetter(c);
    }
}
