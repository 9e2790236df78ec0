package io.paperpulse.ingest.parse;

/**
 * The control characters a page may hold and no paper keeps. NUL and the other C0 and C1 controls are no text (a
 * scraper's padding, a UTF-16 page read as UTF-8): they are dropped, so "T\0i\0t\0l\0e" reads "Title". The ones that
 * stand for white space (tab, vertical tab, form feed, the separators U+001C to U+001F, next line U+0085) read as a
 * space. The bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069) are dropped:
 * in a title they make one text display as another. Line feeds and carriage returns stay: they end lines.
 */
final class ControlCharacters {
    private ControlCharacters() {
    }

    /** The text without the dropped characters and with the spacing ones as spaces; the same string when it has none. */
    static String clean(String text) {
        int first = 0;
        while (first < text.length() && !isSpacing(text.charAt(first)) && !isDropped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpacing(c)) {
                out.append(' ');
            } else if (!isDropped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A control that stands for white space inside a line. */
    static boolean isSpacing(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || c >= '\u001C' && c <= '\u001F' || c == '\u0085';
    }

    /** A control that is no text at all. */
    static boolean isDropped(char c) {
        if (c < ' ') {
            return c != '\n' && c != '\r' && !isSpacing(c);
        }
        return c >= '\u007F' && c <= '\u009F' && c != '\u0085' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
