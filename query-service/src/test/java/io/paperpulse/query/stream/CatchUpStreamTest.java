package io.paperpulse.query.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.TextStats;
import io.paperpulse.contracts.Topics;
import io.paperpulse.query.TestPapers;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A replica that starts (after a crash, or new) reads the changelog from its last index commit or from the start. Once
 * caught up it serves all of it; a client subscribed while it catches up gets no event for those revisions, written
 * before it started (the crashed replica announced them already), and the event of a paper written since.
 */
@QuarkusTest
@TestProfile(CatchUpStreamTest.LongCatchUp.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class CatchUpStreamTest {
    static final String NS = TestPapers.namespace();
    private static final String HISTORY = NS + "-history-";
    private static final int HISTORY_PAPERS = 15_000;

    /** An empty index over a changelog that already holds many papers, read a few records a poll: a long catch-up. */
    public static class LongCatchUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path index = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "index-catch-up-");
                return Map.of("paperpulse.query.index.directory", index.toString(), "paperpulse.query.index.max-poll-records", "1");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChangelogHistory.class));
        }
    }

    /** Writes the papers of the past onto the changelog before the application starts. */
    public static class ChangelogHistory implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
            LocalDate date = LocalDate.of(2029, 6, 1);
            Instant at = Instant.parse("2029-06-01T00:00:00Z");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < HISTORY_PAPERS; i++) {
                    MergedPaper paper = new MergedPaper(HISTORY + i, 1, NS + " history paper " + i, "Written before the replica started.",
                            null, List.of(new MergedPaper.Sighting(date, "history", i)), List.of(date), List.of(), false, List.of(),
                            List.of(), new TextStats(5, 1, 0.1), 1, at, at);
                    producer.send(new ProducerRecord<>(Topics.PAPERS_MERGED, paper.id(), EventJson.mapper().writeValueAsString(paper)));
                }
                producer.flush();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // the papers stay on the shared broker's changelog, as history does
        }
    }

    @TestHTTPResource("/papers/stream")
    URI stream;

    @Test
    void revisionsWrittenBeforeTheReplicaStartedAreIndexedButNotStreamed() throws Exception {
        try (SseClient client = SseClient.connect(stream)) {
            client.awaitConnected();
            // subscribed while the index is still catching up: the case under test
            given().get("/q/health/ready").then().statusCode(503).body("checks.find { it.name == 'search index' }.status", equalTo("DOWN"));
            // once caught up, the past is served, though nothing new was written
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().get("/digests/2029-06-01?size=1")
                    .then().statusCode(200).body("total", equalTo(HISTORY_PAPERS)));

            String live = NS + "-live";
            TestPapers.paper(live).title(NS + " live paper").abstractText("Written after the replica started.")
                    .listed(LocalDate.of(2029, 6, 2)).send();
            List<SseClient.Event> events = client.papersUntil(seen -> seen.contains(live), Duration.ofSeconds(120));

            assertEquals(List.of(), events.stream().map(SseClient.Event::id).filter(id -> id.startsWith(HISTORY)).toList(),
                    "papers of the changelog's past streamed");
            assertEquals(1, events.stream().filter(e -> e.id().equals(live)).count(), "the paper written since: " + events);
        }
    }
}
