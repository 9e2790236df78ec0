package io.paperpulse.enrich.extract.link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.WordList;

/**
 * Finds every URL of an abstract, in order and without duplicates, normalised as the extraction guidelines say:
 * trailing punctuation and unbalanced closing brackets stripped, a trailing {@code /} and the case kept, a missing
 * scheme becomes {@code https://}. A hand-written scan: linear in the text, no regular expression, no recursion.
 */
public final class LinkExtractor {
    /** A bare host (no scheme, no www.) counts only with one of these top-level domains, so "e.g." never does. */
    private static final Set<String> TLDS = WordList.set("extract/link/tlds.txt");
    /** The guidelines' trailing punctuation, plus its typographic twins (closing quotes, CJK full stop). */
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"’”»。，；：！？";

    public List<String> extract(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> links = null; // most abstracts have no link: no set for them
        int len = text.length();
        int scheme = text.indexOf("://");
        int dot = nextDot(text, 0);
        int i = 0;
        while (true) {
            if (scheme >= 0 && scheme < i) {
                scheme = text.indexOf("://", i);
            }
            if (dot >= 0 && dot < i) {
                dot = nextDot(text, i);
            }
            int marker = scheme < 0 ? dot : dot < 0 ? scheme : Math.min(scheme, dot);
            if (marker < 0) {
                break;
            }
            // a link never holds whitespace: only the chunk around a marker can hold one
            int from = marker;
            while (from > i && !Chars.isWhitespace(text.charAt(from - 1))) {
                from--;
            }
            int to = marker;
            while (to < len && !Chars.isWhitespace(text.charAt(to))) {
                to++;
            }
            links = scanChunk(text, from, to, links);
            i = to;
        }
        return links == null ? List.of() : new ArrayList<>(links);
    }

    /** The links that start in {@code [from, to)}, a chunk of text between whitespace, added to {@code links}. */
    private static Set<String> scanChunk(String text, int from, int to, Set<String> links) {
        int len = text.length();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c >= 128 || !Chars.isWordChar(c) || c == '_') {
                i++;
                continue;
            }
            if (hostCharBefore(text, i) && !isGluedScheme(text, i)) {
                i = skipRun(text, i); // inside a word or host: on to the end of this run of label characters
                continue;
            }
            int scheme = (c == 'h' || c == 'H' || c == 'f' || c == 'F') ? schemeLength(text, i) : 0;
            boolean www = scheme == 0 && (c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4);
            boolean bare = scheme == 0 && !www && isHostStart(text, i);
            if (scheme == 0 && !www && !bare) {
                i = skipRun(text, i);
                continue;
            }
            int end = i;
            while (end < len && !stops(text.charAt(end))) {
                end++;
            }
            String url = trim(text.substring(i, end));
            if (scheme > 0) {
                if (url.length() > scheme) {
                    links = add(links, url);
                }
            } else if (www && url.length() > 4 || bare && isBareHost(url)) {
                links = add(links, "https://" + url);
            }
            i = Math.max(end, i + 1);
        }
        return links;
    }

    /**
     * The next dot from {@code from} on that a link needs: one followed by an ASCII letter (a bare host's
     * {@link #isHostStart}) or after three w's ("www."); a scheme's marker is "://". An abstract without either holds
     * no link, and {@link String#indexOf(int)} finds them without reading every character.
     */
    private static int nextDot(String text, int from) {
        int len = text.length();
        for (int d = text.indexOf('.', from); d >= 0; d = text.indexOf('.', d + 1)) {
            if (d + 1 < len && text.charAt(d + 1) < 128 && Chars.isLetter(text.charAt(d + 1))
                    || d >= 3 && isW(text.charAt(d - 1)) && isW(text.charAt(d - 2)) && isW(text.charAt(d - 3))) {
                return d;
            }
        }
        return -1;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    private static Set<String> add(Set<String> links, String url) {
        Set<String> to = links == null ? new LinkedHashSet<>() : links;
        to.add(url);
        return to;
    }

    /** Length of "http://", "https://" or "ftp://" at i (the caller checked what stands before), else 0. */
    private static int schemeLength(String text, int i) {
        for (String s : SCHEMES) {
            if (text.regionMatches(true, i, s, 0, s.length())) {
                return s.length();
            }
        }
        return 0;
    }

    private static final String[] SCHEMES = {"https://", "http://", "ftp://"};

    /**
     * The end of the run of host characters from i, or where in it a scheme begins glued to the letter or digit before
     * it: "GitHub111https://github.com/…", a footnote mark that lost its superscript when the abstract became text.
     */
    private static int skipRun(String text, int i) {
        int len = text.length();
        while (i < len && text.charAt(i) < 128 && Chars.isHostChar(text.charAt(i))) {
            i++;
            if (isGluedScheme(text, i)) {
                return i;
            }
        }
        return i;
    }

    /** A scheme at i right after a letter or digit (not after a host's dot or a path's slash). */
    private static boolean isGluedScheme(String text, int i) {
        if (i == 0 || i >= text.length() || !Chars.isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '_') {
            return false;
        }
        char c = text.charAt(i);
        return (c == 'h' || c == 'H' || c == 'f' || c == 'F') && schemeLength(text, i) > 0;
    }

    private static boolean hostCharBefore(String text, int i) {
        if (i == 0) {
            return false;
        }
        char p = text.charAt(i - 1);
        return Chars.isWordChar(p) || p == '@' || p == '.' || p == '/' || p == '-';
    }

    /** A letter or digit that starts a label followed, within the run of host characters, by ".letter". */
    private static boolean isHostStart(String text, int i) {
        int len = text.length();
        int j = i;
        while (j < len && text.charAt(j) < 128 && Chars.isHostChar(text.charAt(j))) {
            j++;
        }
        return j + 1 < len && text.charAt(j) == '.' && text.charAt(j + 1) < 128 && Chars.isLetter(text.charAt(j + 1));
    }

    private static boolean stops(char c) {
        return Chars.isWhitespace(c) || c == '<' || c == '>' || c == '"';
    }

    /** host.tld[:port][/?#...] with a known top-level domain. */
    static boolean isBareHost(String url) {
        int len = url.length();
        int hostEnd = 0;
        while (hostEnd < len && (Chars.isHostChar(url.charAt(hostEnd)) || url.charAt(hostEnd) == '.')) {
            hostEnd++;
        }
        if (hostEnd < len) {
            char c = url.charAt(hostEnd);
            if (c == ':') {
                int p = hostEnd + 1;
                while (p < len && Chars.isDigit(url.charAt(p))) {
                    p++;
                }
                if (p == hostEnd + 1 || p < len && "/?#".indexOf(url.charAt(p)) < 0) {
                    return false;
                }
            } else if ("/?#".indexOf(c) < 0) {
                return false;
            }
        }
        String host = url.substring(0, hostEnd);
        if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        int dot = host.lastIndexOf('.');
        return dot > 0 && TLDS.contains(host.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Strips trailing punctuation and closing brackets that have no opening partner inside the URL (linear). */
    static String trim(String url) {
        int[] open = new int[3];
        int[] close = new int[3];
        for (int i = 0; i < url.length(); i++) {
            int k = "([{".indexOf(url.charAt(i));
            if (k >= 0) {
                open[k]++;
            }
            k = ")]}".indexOf(url.charAt(i));
            if (k >= 0) {
                close[k]++;
            }
        }
        int end = url.length();
        while (end > 0) {
            char last = url.charAt(end - 1);
            int k = ")]}".indexOf(last);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (k >= 0 && close[k] > open[k]) {
                close[k]--;
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }
}
