package io.paperpulse.notify.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.mongodb.MongoException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.InvalidEventException;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.notify.config.NotifyConfig;
import io.paperpulse.notify.delivery.DeliveryDocument;
import io.paperpulse.notify.delivery.DeliveryWorker;
import io.paperpulse.notify.delivery.Outbox;
import io.paperpulse.notify.match.Subscriptions;
import io.paperpulse.notify.trending.DailyTrending;
import io.paperpulse.resilience.OutageRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Matches every new or changed paper of the changelog {@code papers.merged} against the subscriptions, a poll at a
 * time, and only lets the offsets be committed once the poll's deliveries are in the outbox: a crash before
 * redelivers the poll, whose deliveries are then found there already ({@link Outbox#addAll}). Matching runs on a
 * worker thread, off the event loop. A store outage is retried with consumption paused and readiness down; a record
 * that is no paper (a tombstone) is skipped, as the changelog's own follower does.
 */
@ApplicationScoped
public class MergedPaperConsumer {
    private static final Logger LOG = Logger.getLogger(MergedPaperConsumer.class);
    static final List<Class<? extends Throwable>> OUTAGES = List.of(MongoException.class);

    @Inject
    Subscriptions subscriptions;

    @Inject
    Outbox outbox;

    @Inject
    DailyTrending trending;

    @Inject
    DeliveryWorker worker;

    @Inject
    @Readiness
    MatchReadiness readiness;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    private OutageRetry outages;

    @PostConstruct
    void retries() {
        outages = new OutageRetry(OUTAGES, readiness, config.writes().retryBackoff(), config.writes().retryMaxBackoff());
    }

    @Incoming("papers-merged")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<MergedPaper> papers = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                papers.add(EventJson.read(record.getPayload(), MergedPaper.class));
            } catch (InvalidEventException e) {
                LOG.warnf("skipping %s-%d: %s", record.getTopic(), record.getPartition(), e.getMessage());
            }
        }
        Instant now = clock.instant();
        return outages.untilThrough(Uni.createFrom().deferred(subscriptions::loaded), "reading the subscriptions")
                .chain(() -> Uni.createFrom().item(() -> deliveries(papers, now)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(deliveries -> outages.untilThrough(Uni.createFrom().deferred(
                        () -> trending.saw(papers, now).chain(() -> outbox.addAll(deliveries))), "a poll of " + papers.size() + " papers"))
                .invoke(() -> worker.wake())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private List<DeliveryDocument> deliveries(List<MergedPaper> papers, Instant now) {
        List<DeliveryDocument> deliveries = new ArrayList<>();
        for (MergedPaper paper : papers) {
            for (String subscription : subscriptions.matches(paper)) {
                deliveries.add(DeliveryDocument.of(subscription, paper, subscriptions.dueAt(subscription, now), now));
            }
        }
        return deliveries;
    }
}
