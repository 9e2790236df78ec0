package io.paperpulse.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a new-style arXiv id (e.g. 2403.01234, from a link or bare), version suffix dropped. */
final class ArxivIds {
    private static final Pattern ARXIV = Pattern.compile("(?<![\\d.])(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?![\\d])");

    private ArxivIds() {
    }

    static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ARXIV.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
