package io.paperpulse.ingest.parse;

import java.time.LocalDate;
import java.util.List;

/** A page split into papers, in page order, duplicates removed. */
public record ParsedPage(LocalDate date, String format, List<PaperEntry> papers, int duplicatesInPage) {
}
