package io.paperpulse.ingest.api;

import java.time.LocalDate;

import io.paperpulse.ingest.intake.IngestOutcome;

/** The answer to an accepted push or replay: given only once every paper of the page was published. */
public record IngestResponse(String digestId, LocalDate date, int papers, int duplicatesInPage, boolean alreadyIngested) {

    static IngestResponse of(IngestOutcome outcome) {
        return new IngestResponse(outcome.digestId(), outcome.date(), outcome.paperIds().size(), outcome.duplicatesInPage(), outcome.alreadyIngested());
    }
}
