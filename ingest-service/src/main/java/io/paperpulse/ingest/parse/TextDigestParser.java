package io.paperpulse.ingest.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text scrape of a digest page: chrome, a date line, then paragraphs (runs of non-blank lines) of titles and
 * abstracts, then maybe more chrome. Lines may end in LF, CRLF or CR; surrounding spaces and tabs are dropped; the lines
 * of one paragraph are joined with a space. Everything before the date line is chrome.
 */
final class TextDigestParser {

    ParsedPageBuilder parse(String text, PageInput input) {
        List<String> lines = text.lines().map(TextDigestParser::trim).toList();
        int start = 0;
        LocalDate date = null;
        for (int i = 0; i < lines.size() && date == null; i++) {
            Optional<LocalDate> found = DateLines.parse(lines.get(i), input);
            if (found.isPresent()) {
                date = found.get();
                start = i + 1;
            }
        }
        ParsedPageBuilder page = new ParsedPageBuilder(date != null ? date : DateLines.withoutDateLine(input), PageFormat.TEXT);
        PaperSplitter.split(paragraphs(lines.subList(start, lines.size()), input), date == null, page);
        return page;
    }

    /** Runs of non-blank lines; a later date line (a page listing several days) separates, it is no paper. */
    private static List<Paragraph> paragraphs(List<String> lines, PageInput input) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty() || DateLines.parse(line, input).isPresent()) {
                flush(paragraphs, current);
            } else {
                current.add(line);
            }
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<Paragraph> paragraphs, List<String> current) {
        if (!current.isEmpty()) {
            paragraphs.add(new Paragraph(List.copyOf(current)));
            current.clear();
        }
    }

    /** Drops surrounding whitespace, including the no-break and zero-width spaces scrapes leave. */
    static String trim(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isBlank(line.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
