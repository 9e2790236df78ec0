package io.paperpulse.ingest.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.paperpulse.ingest.intake.IngestOutcome;

/**
 * The answer to an accepted push or replay. {@code date}, {@code papers} and {@code duplicatesInPage} are left out
 * while another push of the same bytes is still reading them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(String digestId, LocalDate date, Integer papers, Integer duplicatesInPage, boolean alreadyIngested) {

    static IngestResponse of(IngestOutcome outcome) {
        return outcome.papersKnown()
                ? new IngestResponse(outcome.digestId(), outcome.date(), outcome.paperIds().size(), outcome.duplicatesInPage(), outcome.alreadyIngested())
                : new IngestResponse(outcome.digestId(), null, null, null, outcome.alreadyIngested());
    }
}
