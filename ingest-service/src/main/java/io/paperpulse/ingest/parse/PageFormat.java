package io.paperpulse.ingest.parse;

import java.util.Locale;

import io.paperpulse.ingest.parse.RejectedPageException.Kind;

/**
 * The two formats a page comes in. The declared media type decides, except where the content plainly says otherwise:
 * a "text/plain" body that is a whole HTML document is read as HTML, an "text/html" body without a single tag as text.
 * Without a declared type (a bare Kafka record) a body that starts with a tag is HTML.
 */
public enum PageFormat {
    TEXT("text"), HTML("html");

    private final String label;

    PageFormat(String label) {
        this.label = label;
    }

    /** The name stored and reported: "text" or "html". */
    public String label() {
        return label;
    }

    static PageFormat detect(String contentType, String text) {
        PageFormat declared = declared(contentType);
        String start = leading(text);
        if (declared == TEXT) {
            return start.startsWith("<!doctype html") || start.startsWith("<html") ? HTML : TEXT;
        }
        if (declared == HTML) {
            return text.indexOf('<') >= 0 ? HTML : TEXT;
        }
        return start.startsWith("<") ? HTML : TEXT;
    }

    /**
     * The format a media type declares, {@code null} when none is declared; refuses any other type. A charset parameter
     * is not trusted either way: every page is decoded as strict UTF-8.
     */
    public static PageFormat declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/plain" -> TEXT;
            case "text/html", "application/xhtml+xml" -> HTML;
            default -> throw new RejectedPageException(Kind.UNSUPPORTED_MEDIA_TYPE,
                    "content type " + type + " is not supported: send text/plain or text/html (UTF-8)");
        };
    }

    private static String leading(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(i, Math.min(text.length(), i + 16)).toLowerCase(Locale.ROOT);
    }
}
