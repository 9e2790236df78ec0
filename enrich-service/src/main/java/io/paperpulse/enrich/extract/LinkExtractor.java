package io.paperpulse.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every URL of an abstract, in order and without duplicates, normalised as the extraction guidelines say:
 * trailing punctuation and unbalanced closing brackets stripped, a missing scheme becomes {@code https://}.
 */
public final class LinkExtractor {
    /** A URL candidate is one whitespace-free token; linear, no nested quantifiers. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?:(?<![\\w@.])(?:https?|ftp)://|(?<![\\w@./-])www\\.|(?<![\\w@./-])(?=[A-Za-z0-9][A-Za-z0-9-]*\\.[A-Za-z]))[^\\s<>\"]+",
            Pattern.CASE_INSENSITIVE);
    /** A bare host (no scheme) counts only with a known top-level domain, so "e.g." or "Fig.3" never do. */
    private static final Pattern BARE_HOST = Pattern.compile(
            "(?:[A-Za-z0-9-]+\\.)+(?:com|org|net|io|ai|ms|dev|edu|gov|gl|ly|co|me|app|page|info|cn|uk|de|fr|jp|ca|science|tech|xyz|site)(?::\\d+)?(?:[/?#].*)?",
            Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

    public List<String> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String url = trim(m.group());
            String lower = url.toLowerCase(Locale.ROOT);
            boolean hasScheme = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://");
            if (!hasScheme && !lower.startsWith("www.") && !BARE_HOST.matcher(url).matches()) {
                continue;
            }
            if (url.length() <= (hasScheme ? lower.indexOf("://") + 3 : 0)) {
                continue;
            }
            links.add(hasScheme ? url : "https://" + url);
        }
        return new ArrayList<>(links);
    }

    /** Strips trailing punctuation and closing brackets that have no opening partner inside the URL. */
    static String trim(String url) {
        int end = url.length();
        boolean changed = true;
        while (changed && end > 0) {
            changed = false;
            char last = url.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
                changed = true;
            } else if (isClosing(last) && unbalanced(url, end, last)) {
                end--;
                changed = true;
            }
        }
        return url.substring(0, end);
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static boolean unbalanced(String url, int end, char closing) {
        char opening = closing == ')' ? '(' : closing == ']' ? '[' : '{';
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing) {
                depth--;
            }
        }
        return depth < 0;
    }
}
