package io.paperpulse.ingest.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a text scrape of a digest page: chrome lines, a date line, then paragraphs alternating title and abstract.
 * A paragraph is a run of non-blank lines; a title is one line, its abstract the next paragraph.
 */
final class TextDigestParser {

    ParsedPageBuilder parse(String text, PageInput input) {
        List<String> lines = text.lines().map(String::strip).toList();
        int start = 0;
        LocalDate date = null;
        for (int i = 0; i < lines.size(); i++) {
            Optional<LocalDate> found = DateLines.parse(lines.get(i), input);
            if (found.isPresent()) {
                date = found.get();
                start = i + 1;
                break;
            }
        }
        if (date == null) {
            date = input.date() != null ? input.date() : LocalDate.ofInstant(input.receivedAt(), ZoneOffset.UTC);
        }
        ParsedPageBuilder page = new ParsedPageBuilder(date, "text");
        List<String> paragraphs = paragraphs(lines.subList(start, lines.size()));
        for (int i = 0; i < paragraphs.size(); i += 2) {
            String title = paragraphs.get(i);
            String abstractText = i + 1 < paragraphs.size() ? paragraphs.get(i + 1) : null;
            page.add(title, abstractText);
        }
        return page;
    }

    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(paragraphs, current);
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line);
            }
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
