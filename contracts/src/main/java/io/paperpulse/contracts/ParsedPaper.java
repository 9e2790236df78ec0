package io.paperpulse.contracts;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One paper split out of a digest page: the value of a {@code papers.parsed} record, keyed by {@link #id()}.
 *
 * @param id stable paper id, derived from the normalised title only
 * @param title title as written (NFC)
 * @param abstractText abstract as written (NFC), {@code null} when the page cut it off
 * @param digestDate the date of the digest that listed the paper
 * @param digestId id of the page the paper came from
 * @param source who published the page (free text, e.g. "hf-daily")
 * @param position zero-based order of the paper in its page
 * @param arxivId arXiv id without version suffix, when the page carries one
 * @param receivedAt when ingest-service received the page
 */
public record ParsedPaper(
        String id,
        String title,
        @JsonProperty("abstract") String abstractText,
        LocalDate digestDate,
        String digestId,
        String source,
        int position,
        String arxivId,
        Instant receivedAt) {
}
