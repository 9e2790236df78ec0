package io.paperpulse.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.paperpulse.ingest.intake.BodyLimit;
import io.paperpulse.testing.ConsumerMemory;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** A backlog on digests.raw cannot run ingest out of memory: the pages its consumer may hold fit in half a 256 MB heap. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class ConsumerMemoryBoundTest {
    private static final long HEAP_SHARE = 128L * 1024 * 1024;

    @Inject
    KafkaClientService clients;

    @Test
    void pagesHeldByTheConsumerFitWellWithinTheHeap() {
        // every page as large as the largest limit the service can be started with
        long held = ConsumerMemory.worstCaseBytes("digests-raw", clients, BodyLimit.MAX);
        assertTrue(held <= HEAP_SHARE, "up to " + held / (1024 * 1024) + " MiB held by the consumer");
    }
}
