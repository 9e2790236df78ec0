package io.paperpulse.ingest.intake;

import java.time.LocalDate;
import java.util.List;

import io.paperpulse.ingest.store.DigestRecord;

/** What became of an accepted page: its digest id, date and papers, and whether it had been ingested before. */
public record IngestOutcome(String digestId, LocalDate date, List<String> paperIds, int duplicatesInPage, boolean alreadyIngested) {

    static IngestOutcome of(DigestRecord record, boolean alreadyIngested) {
        return new IngestOutcome(record.id, LocalDate.parse(record.date), record.paperIds, record.duplicatesInPage, alreadyIngested);
    }
}
