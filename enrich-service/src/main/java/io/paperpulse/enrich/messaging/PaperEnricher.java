package io.paperpulse.enrich.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.resilience.DeadLetterWriter;
import io.paperpulse.resilience.OutageRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * papers.parsed to papers.enriched, keyed by paper id, at least once, a poll at a time: every paper of the poll is
 * extracted on the extraction pool, the results are sent together, and the poll is acknowledged once the broker took
 * them all (one round trip per poll, not per paper, is what lets a backfill through).
 * <p>
 * A record that can never be enriched goes to {@code papers.parsed.dlq} with the reason: one that is not a valid paper,
 * one whose extraction takes longer than its limit, or one whose result Kafka refuses for good (too large). When Kafka
 * fails a send for an outage (broker unreachable, too few in-sync replicas, a time-out) the records are not at fault:
 * the sends are tried again, waiting longer each time, with the poll unacknowledged and consumption paused behind it,
 * and readiness down meanwhile ({@link PublishReadiness}); liveness stays up, since a restart cures no outage.
 */
@ApplicationScoped
public class PaperEnricher {
    /** Kafka failed or did not answer: nothing to do with the record. */
    static final List<Class<? extends Throwable>> OUTAGES = List.of(RetriableException.class);

    @Inject
    TimedExtraction extraction;

    @Inject
    @Channel("papers-enriched")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<EnrichedPaper> emitter;

    @Inject
    @Channel("papers-parsed-dlq")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> deadLetterChannel;

    @Inject
    EnrichConfig config;

    @Inject
    @Readiness
    PublishReadiness readiness;

    private OutageRetry outages;
    private DeadLetterWriter deadLetters;

    @PostConstruct
    void init() {
        outages = new OutageRetry(OUTAGES, readiness, config.retryBackoff(), config.retryMaxBackoff());
        deadLetters = new DeadLetterWriter(deadLetterChannel);
    }

    @Incoming("papers-parsed")
    public Uni<Void> enrich(KafkaRecordBatch<String, String> batch) {
        Outcomes outcomes = new Outcomes(batch.getRecords());
        List<Uni<Void>> extractions = new ArrayList<>();
        for (int i = 0; i < outcomes.records.size(); i++) {
            int index = i;
            KafkaRecord<String, String> record = outcomes.records.get(i);
            extractions.add(extraction.enrich(record.getPayload(), record.getTimestamp())
                    .onItem().invoke(enriched -> outcomes.unsent[index] = enriched)
                    .onFailure().invoke(failure -> outcomes.refuse(index, failure))
                    .onFailure().recoverWithNull().replaceWithVoid());
        }
        String what = "a poll of " + outcomes.records.size() + " papers";
        return join(extractions)
                .chain(() -> outages.untilThrough(Uni.createFrom().deferred(() -> sendUnsent(outcomes)), what))
                .chain(() -> outages.untilThrough(Uni.createFrom().deferred(() -> deadLetters.sendAll(outcomes.refused(), outcomes.reasons())),
                        "dead letters of " + what))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * Sends, in the poll's order, what the broker has not taken yet: a paper Kafka refuses for good joins the refused
     * ones, an outage fails the whole for another try.
     */
    private Uni<Void> sendUnsent(Outcomes outcomes) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (int i = 0; i < outcomes.unsent.length; i++) {
            int index = i;
            if (outcomes.unsent[i] != null) {
                sends.add(send(outcomes.unsent[i])
                        .onItem().invoke(() -> outcomes.unsent[index] = null)
                        .onFailure(failure -> !outages.isOutage(failure)).invoke(failure -> outcomes.refuse(index, failure))
                        .onFailure(failure -> !outages.isOutage(failure)).recoverWithNull().replaceWithVoid());
            }
        }
        return join(sends);
    }

    private Uni<Void> send(EnrichedPaper enriched) {
        return emitter.sendMessage(Message.of(enriched)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enriched.paper().id()).build()));
    }

    private static Uni<Void> join(List<Uni<Void>> work) {
        return work.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(work).andCollectFailures().replaceWithVoid();
    }

    /**
     * What became of each record of a poll, by its place in the poll. Each place is written by one extraction or send
     * at a time, and read once all of them are done.
     */
    private static final class Outcomes {
        final List<KafkaRecord<String, String>> records;
        /** Enriched papers the broker has not taken yet. */
        final EnrichedPaper[] unsent;
        /** Why a record goes to the dead-letter topic. */
        final String[] refusals;

        Outcomes(List<KafkaRecord<String, String>> records) {
            this.records = records;
            this.unsent = new EnrichedPaper[records.size()];
            this.refusals = new String[records.size()];
        }

        void refuse(int index, Throwable failure) {
            unsent[index] = null;
            refusals[index] = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        }

        List<KafkaRecord<String, String>> refused() {
            List<KafkaRecord<String, String>> refused = new ArrayList<>();
            for (int i = 0; i < refusals.length; i++) {
                if (refusals[i] != null) {
                    refused.add(records.get(i));
                }
            }
            return refused;
        }

        List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            for (String reason : refusals) {
                if (reason != null) {
                    reasons.add(reason);
                }
            }
            return reasons;
        }
    }
}
