package io.paperpulse.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.paperpulse.testing.ConsumerMemory;
import io.paperpulse.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** A backlog on papers.parsed cannot run enrich out of memory: the papers its consumer may hold fit in half a 256 MB heap. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ConsumerMemoryBoundTest {
    private static final long HEAP_SHARE = 128L * 1024 * 1024;
    /** ingest-service's max.request.size on papers.parsed: no paper record is larger. */
    private static final long LARGEST_PAPER = 1024 * 1024;

    @Inject
    KafkaClientService clients;

    @Test
    void papersHeldByTheConsumerFitWellWithinTheHeap() {
        long held = ConsumerMemory.worstCaseBytes("papers-parsed", clients, LARGEST_PAPER);
        assertTrue(held <= HEAP_SHARE, "up to " + held / (1024 * 1024) + " MiB held by the consumer");
    }
}
