package io.paperpulse.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a new-style arXiv id (YYMM.NNNN or YYMM.NNNNN, from April 2007 on), version suffix dropped: in an arXiv or
 * paper-page link, after "arXiv:", or bare (2403.01234). The month must be real, so figures like 2024.5 or 1234.5678
 * are not taken for ids.
 */
final class ArxivIds {
    private static final String ID = "(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5})(?:v\\d+)?";
    /**
     * Every optional part and run of spaces is possessive ({@code ?+}, {@code *+}): what follows each one can never
     * start with what it matched, so giving characters back could not help, and not trying is what keeps a match
     * linear ("arxiv" and a megabyte of spaces took quadratic time with {@code arxiv\s*:?\s*}).
     */
    static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\[?+\\s*+(?:arxiv\\s*+:?+\\s*+|(?:https?://)?+(?:www\\.|export\\.)?+arxiv\\.org/(?:abs|pdf)/)?" + ID + "(?:\\.pdf)?+\\s*+\\]?+");

    private ArxivIds() {
    }

    /** The first arXiv id in a text or a link, or {@code null}. A scan from full stop to full stop: abstracts are long. */
    static String find(String text) {
        if (text == null) {
            return null;
        }
        for (int dot = text.indexOf('.', 4); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int end = dot + 1;
            while (end < text.length() && end - dot <= 5 && isDigit(text.charAt(end))) {
                end++;
            }
            int start = dot - 4;
            boolean wholeNumber = end == text.length() || !isDigit(text.charAt(end));
            if (end - dot - 1 >= 4 && wholeNumber && isDigits(text, start, dot) && startsToken(text, start)) {
                String id = text.substring(start, end);
                if (plausible(id)) {
                    return id;
                }
            }
        }
        return null;
    }

    /** Whether a whole paragraph is nothing but an arXiv reference, such as "arXiv:2403.01234v2" or its abs link. */
    static boolean isReference(String text) {
        Matcher m = REFERENCE.matcher(text.strip());
        return m.matches() && plausible(m.group(1));
    }

    /** Not the tail of a longer number or word ("12403.01234", "v2403.01234", "1.2403.01234"). */
    private static boolean startsToken(String text, int start) {
        if (start == 0) {
            return true;
        }
        char before = text.charAt(start - 1);
        return !Character.isLetterOrDigit(before) && before != '.' && before != '_';
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean plausible(String id) {
        int yymm = Integer.parseInt(id.substring(0, 4));
        int month = yymm % 100;
        int digits = id.length() - 5;
        return yymm >= 704 && month >= 1 && month <= 12 && (digits == 5) == (yymm >= 1501);
    }
}
