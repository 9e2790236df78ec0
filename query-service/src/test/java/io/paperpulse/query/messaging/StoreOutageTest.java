package io.paperpulse.query.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.infra.EmbeddedStore;
import io.paperpulse.infra.Ports;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The store goes away for longer than the driver's server-selection time-out while papers arrive: they are not
 * dead-lettered, readiness goes down and liveness stays up, and once the store is back every paper is stored and served.
 */
@QuarkusTest
@TestProfile(StoreOutageTest.WithItsOwnStore.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class StoreOutageTest {
    private static final int STORE_PORT = Ports.free();
    private static EmbeddedStore store;

    public static class WithItsOwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mongodb.server-selection-timeout", "2s",
                    "paperpulse.query.writes.retry-backoff", "200ms",
                    "paperpulse.query.writes.retry-max-backoff", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableStore.class));
        }
    }

    /** A store of this test's own, on a fixed port, so that it can be stopped and started again where the service looks. */
    public static class StoppableStore implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            store = EmbeddedStore.inMemory().start(STORE_PORT);
            return Map.of("quarkus.mongodb.connection-string", store.connectionString());
        }

        @Override
        public void stop() {
            store.close();
        }
    }

    private final TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void papersArrivingWhileTheStoreIsDownAreStoredOnceItIsBackAndNeverDeadLettered() {
        long deadLettersBefore = kafka.endOffset("papers.enriched.dlq");
        EnrichedPaper before = paper("before-outage");
        send(before);
        awaitServed(before.id());

        store.close();
        EnrichedPaper during = paper("during-outage");
        RecordMetadata sent = send(during);
        // the write fails past the driver's time-out, again and again: not ready, but alive
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 503);
        given().get("/q/health/live").then().statusCode(200);

        store = EmbeddedStore.inMemory().start(STORE_PORT);
        awaitServed(during.id());
        kafka.awaitCommitted("query-service", sent, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertEquals(deadLettersBefore, kafka.endOffset("papers.enriched.dlq"), "nothing dead-lettered");
    }

    private RecordMetadata send(EnrichedPaper paper) {
        return kafka.send("papers.enriched", paper.id(), new String(new EventSerializer().serialize("papers.enriched", paper), StandardCharsets.UTF_8));
    }

    private static EnrichedPaper paper(String name) {
        return EnrichedPaperConsumerTest.withId(GoldenFixtures.enrichedPaper(), name + "-" + UUID.randomUUID(), 1, LocalDate.of(2026, 3, 11));
    }

    private static void awaitServed(String id) {
        await().atMost(Duration.ofSeconds(90)).until(() -> given().get("/papers/{id}", id).statusCode() == 200);
    }
}
