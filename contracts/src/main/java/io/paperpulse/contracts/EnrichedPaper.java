package io.paperpulse.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A parsed paper plus what enrich-service found in it: the value of a {@code papers.enriched} record, keyed by
 * {@code paper.id()}.
 *
 * @param paper the paper as ingest-service emitted it
 * @param extractorVersion version of the gazetteer and rules; higher wins in the read model
 * @param entities one entry per distinct surface form
 * @param links every URL of the abstract, normalised, in order, without duplicates
 * @param metrics reported quantities of the abstract
 * @param stats text statistics of title and abstract
 * @param enrichedAt when enrich-service produced this record
 */
public record EnrichedPaper(
        ParsedPaper paper,
        int extractorVersion,
        List<Entity> entities,
        List<String> links,
        List<Metric> metrics,
        TextStats stats,
        Instant enrichedAt) {

    public String id() {
        return paper.id();
    }
}
