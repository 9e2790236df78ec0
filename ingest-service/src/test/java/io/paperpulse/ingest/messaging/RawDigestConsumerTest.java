package io.paperpulse.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoTimeoutException;

import io.paperpulse.ingest.intake.DigestIngestor;
import io.paperpulse.ingest.intake.IncomingPage;
import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.intake.IngestOutcome;
import io.paperpulse.ingest.intake.PageRefusedException;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.smallrye.mutiny.Uni;

/** Which failures of a page from Kafka are tried again (outages) and which go to the dead-letter topic (the page's own). */
class RawDigestConsumerTest {
    private static final IngestOutcome DONE = new IngestOutcome("d1", LocalDate.parse("2026-03-11"), List.of("p1"), 0, false);

    private final StoreReadiness readiness = new StoreReadiness();
    private final List<Status> readinessAtEachTry = new ArrayList<>();

    @Test
    void pageFailedByTheStoreOrTheBrokerIsTriedAgainUntilItGoesThrough() {
        List<Supplier<RuntimeException>> failures = new ArrayList<>(List.of(
                () -> new MongoTimeoutException("no MongoDB server answers"),
                () -> new CompletionException(new TimeoutException("papers.parsed not present in metadata"))));
        RawDigestConsumer consumer = consumer(() -> {
            if (!failures.isEmpty()) {
                throw failures.remove(0).get();
            }
            return DONE;
        });

        consume(consumer);

        assertEquals(List.of(Status.UP, Status.DOWN, Status.DOWN), readinessAtEachTry, "not ready while the page waits");
        assertEquals(Status.UP, readiness.call().getStatus(), "ready again once it went through");
    }

    @Test
    void refusedPageFailsAtOnceForTheDeadLetterTopic() {
        RawDigestConsumer consumer = consumer(() -> {
            throw new PageRefusedException("d1", new RejectedPageException(RejectedPageException.Kind.NO_PAPERS, "no paper found"));
        });

        PageRefusedException failure = assertThrows(PageRefusedException.class, () -> consume(consumer));

        assertEquals("no paper found", failure.getMessage(), "the dead letter's reason");
        assertEquals(1, readinessAtEachTry.size(), "tried once");
        assertEquals(Status.UP, readiness.call().getStatus());
    }

    @Test
    void unforeseenFailureOfAPageIsNotRetriedForever() {
        RawDigestConsumer consumer = consumer(() -> {
            throw new IllegalStateException("a bug met this page");
        });

        assertThrows(IllegalStateException.class, () -> consume(consumer));
        assertEquals(1, readinessAtEachTry.size());
    }

    private void consume(RawDigestConsumer consumer) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("digests.raw", 0, 42L, "key", "Mar 11".getBytes(StandardCharsets.UTF_8));
        consumer.consume(record).await().atMost(Duration.ofSeconds(10));
    }

    /** A consumer whose ingestor answers each try from {@code attempt}, noting what readiness said at that moment. */
    private RawDigestConsumer consumer(Supplier<IngestOutcome> attempt) {
        RawDigestConsumer consumer = new RawDigestConsumer();
        consumer.readiness = readiness;
        consumer.config = new FastRetries();
        consumer.ingestor = new DigestIngestor() {
            @Override
            public Uni<IngestOutcome> ingest(IncomingPage page) {
                return Uni.createFrom().item(() -> {
                    readinessAtEachTry.add(readiness.call().getStatus());
                    return attempt.get();
                });
            }
        };
        return consumer;
    }

    private static final class FastRetries implements IngestConfig {
        @Override
        public String key() {
            return "unused";
        }

        @Override
        public int maxBodyBytes() {
            return 1024;
        }

        @Override
        public Duration claimLease() {
            return Duration.ofSeconds(3);
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration retryMaxBackoff() {
            return Duration.ofMillis(5);
        }
    }
}
