package io.paperpulse.ingest.intake;

import java.time.LocalDate;
import java.util.List;

import io.paperpulse.ingest.store.DigestRecord;

/**
 * What became of an accepted page: its digest id, date and papers, and whether it had been ingested before. A page
 * that another push of the same bytes is still reading is {@code alreadyIngested} with no date and no papers yet.
 */
public record IngestOutcome(String digestId, LocalDate date, List<String> paperIds, int duplicatesInPage, boolean alreadyIngested) {

    static IngestOutcome of(DigestRecord record, boolean alreadyIngested) {
        return new IngestOutcome(record.id, LocalDate.parse(record.date), record.paperIds, record.duplicatesInPage, alreadyIngested);
    }

    static IngestOutcome inProgress(String digestId) {
        return new IngestOutcome(digestId, null, null, 0, true);
    }

    /** False while another push is still reading the page. */
    public boolean papersKnown() {
        return paperIds != null;
    }
}
