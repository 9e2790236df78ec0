package io.paperpulse.query.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.InvalidEventException;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.query.store.PaperStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Merges enriched papers into the store a poll at a time, then announces every paper of the poll on the changelog
 * {@code papers.merged}, and only then lets the offsets be committed: a crash anywhere before redelivers the poll,
 * whose merge then changes nothing and whose papers are announced again (the index keeps the highest revision).
 * A record that can never be stored goes to {@code papers.enriched.dlq} with the reason; an unreachable store or
 * broker is retried, with consumption paused and readiness down ({@link WriterHealth}), never dead-lettered.
 */
@ApplicationScoped
public class EnrichedPaperConsumer {
    @Inject
    PaperStore store;

    @Inject
    MergedPaperPublisher changelog;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @Readiness
    WriterHealth health;

    @Inject
    QueryConfig config;

    @Incoming("papers-enriched")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<EnrichedPaper> papers = new ArrayList<>();
        List<KafkaRecord<String, String>> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                papers.add(valid(EventJson.read(record.getPayload(), EnrichedPaper.class)));
            } catch (InvalidEventException e) {
                refused.add(record);
                reasons.add(e.getMessage());
            }
        }
        return untilDone(() -> deadLetters.sendAll(refused, reasons))
                .chain(() -> untilDone(() -> papers.isEmpty() ? Uni.createFrom().voidItem()
                        : store.mergeAll(papers).flatMap(docs -> changelog.publish(docs.stream().map(PaperDocument::toMerged).toList()))))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** Retries an outage for as long as it lasts; the poll waits, so the connector pauses its partitions. */
    private Uni<Void> untilDone(Supplier<Uni<Void>> step) {
        return Uni.createFrom().deferred(step::get)
                .onFailure().invoke(health::failing)
                .onFailure().retry().withBackOff(config.writes().retryBackoff(), config.writes().retryMaxBackoff()).indefinitely()
                .invoke(health::working);
    }

    private static EnrichedPaper valid(EnrichedPaper paper) {
        if (paper.paper() == null || paper.id() == null || paper.id().isBlank() || paper.paper().digestDate() == null) {
            throw new InvalidEventException("an EnrichedPaper needs paper.id and paper.digestDate");
        }
        return paper;
    }
}
