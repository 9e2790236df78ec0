package io.paperpulse.query.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.mongodb.MongoException;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.InvalidEventException;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.query.store.PaperStore;
import io.paperpulse.resilience.DeadLetterWriter;
import io.paperpulse.resilience.OutageRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Merges enriched papers into the store a poll at a time, then announces every paper of the poll on the changelog
 * {@code papers.merged}, and only then lets the offsets be committed: a crash anywhere before redelivers the poll,
 * whose merge then changes nothing and whose papers are announced again (the index keeps the highest revision).
 * A record that can never be stored goes to {@code papers.enriched.dlq} with the reason; an unreachable store or
 * broker is retried, with consumption paused and readiness down ({@link WriterReadiness}), never dead-lettered.
 */
@ApplicationScoped
public class EnrichedPaperConsumer {
    static final List<Class<? extends Throwable>> OUTAGES = List.of(MongoException.class, RetriableException.class);
    @Inject
    PaperStore store;

    @Inject
    MergedPaperPublisher changelog;

    @Inject
    @Channel("papers-enriched-dlq")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> deadLetterChannel;

    @Inject
    @Readiness
    WriterReadiness readiness;

    @Inject
    QueryConfig config;

    private OutageRetry outages;
    private DeadLetterWriter deadLetters;

    @PostConstruct
    void retries() {
        outages = new OutageRetry(OUTAGES, readiness, config.writes().retryBackoff(), config.writes().retryMaxBackoff());
        deadLetters = new DeadLetterWriter(deadLetterChannel);
    }

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
        // an outage holds the poll, so the connector pauses its partitions; each step is tried again on its own
        return outages.untilThrough(Uni.createFrom().deferred(() -> deadLetters.sendAll(refused, reasons)), "dead letters of a poll")
                .chain(() -> papers.isEmpty() ? Uni.createFrom().voidItem() : outages.untilThrough(Uni.createFrom().deferred(
                        () -> store.mergeAll(papers).flatMap(docs -> changelog.publish(docs.stream().map(PaperDocument::toMerged).toList()))),
                        "a poll of " + papers.size() + " papers"))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private static EnrichedPaper valid(EnrichedPaper paper) {
        if (paper.paper() == null || paper.id() == null || paper.id().isBlank() || paper.paper().digestDate() == null) {
            throw new InvalidEventException("an EnrichedPaper needs paper.id and paper.digestDate");
        }
        return paper;
    }
}
