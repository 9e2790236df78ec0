package io.paperpulse.ingest.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the papers of one page in order, keeping the first of any paper listed twice. */
final class ParsedPageBuilder {
    private final LocalDate date;
    private final String format;
    private final Map<String, PaperEntry> papers = new LinkedHashMap<>();
    private int duplicates;

    ParsedPageBuilder(LocalDate date, String format) {
        this.date = date;
        this.format = format;
    }

    void add(String title, String abstractText) {
        String id = PaperIds.fromTitle(title);
        if (papers.containsKey(id)) {
            duplicates++;
            return;
        }
        papers.put(id, new PaperEntry(id, title, abstractText, ArxivIds.find(abstractText)));
    }

    ParsedPage build() {
        return new ParsedPage(date, format, List.copyOf(new ArrayList<>(papers.values())), duplicates);
    }
}
