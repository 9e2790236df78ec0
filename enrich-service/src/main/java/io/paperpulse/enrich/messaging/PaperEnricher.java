package io.paperpulse.enrich.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.resilience.OutageRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * papers.parsed to papers.enriched, keyed by paper id, at least once. A record that can never be enriched fails its
 * Uni and goes to {@code papers.parsed.dlq} with the reason: one that is not a valid paper, one whose extraction
 * takes longer than its limit, or one whose result Kafka refuses for good (too large). When Kafka fails the send for
 * an outage (broker unreachable, too few in-sync replicas, a time-out) the record is not at fault: the send is tried
 * again, waiting longer each time, with the record unacknowledged and the next one waiting behind it, and readiness
 * down meanwhile ({@link PublishReadiness}); liveness stays up, since a restart cures no outage.
 */
@ApplicationScoped
public class PaperEnricher {
    /** Kafka failed or did not answer: nothing to do with the record. */
    static final List<Class<? extends Throwable>> OUTAGES = List.of(RetriableException.class);

    @Inject
    TimedExtraction extraction;

    @Inject
    @Channel("papers-enriched")
    MutinyEmitter<EnrichedPaper> emitter;

    @Inject
    EnrichConfig config;

    @Inject
    @Readiness
    PublishReadiness readiness;

    @Incoming("papers-parsed")
    public Uni<Void> enrich(ConsumerRecord<String, String> record) {
        String what = "paper at " + record.topic() + "-" + record.partition() + "@" + record.offset();
        OutageRetry outages = new OutageRetry(OUTAGES, readiness, config.retryBackoff(), config.retryMaxBackoff());
        return extraction.enrich(record.value(), Instant.ofEpochMilli(record.timestamp()))
                .flatMap(enriched -> outages.untilThrough(Uni.createFrom().deferred(() -> send(enriched)), what));
    }

    private Uni<Void> send(EnrichedPaper enriched) {
        return emitter.sendMessage(Message.of(enriched)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enriched.paper().id()).build()));
    }
}
