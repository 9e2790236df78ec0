package io.paperpulse.query.index;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.query.TestPapers;
import io.paperpulse.query.store.PaperStore;
import io.paperpulse.query.stream.SseClient;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The changelog between the store and every replica's index: a write that was never announced is announced by the
 * redelivery that follows a crash, and duplicates or older revisions in the changelog change nothing and are never
 * streamed twice.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class ChangelogPropertiesTest {
    static final String NS = TestPapers.namespace();
    static final EventSerializer JSON = new EventSerializer();

    @Inject
    PaperStore store;

    @TestHTTPResource("/papers/stream")
    URI stream;

    @Test
    void aStoreWriteNeverAnnouncedIsAnnouncedByTheRedelivery() {
        EnrichedPaper paper = TestPapers.paper(NS + "-crash").title(NS + " written before a crash").abstractText("Kept.")
                .listed(LocalDate.of(2033, 3, 1)).build();
        long before = changelogEnd();
        // what a kill -9 between the store write and the changelog publish leaves: the paper stored, nothing announced
        store.mergeAll(List.of(paper)).await().atMost(Duration.ofSeconds(10));
        assertEquals(before, changelogEnd(), "the store write alone announces nothing");

        TestPapers.send(paper); // the uncommitted record comes again after the restart
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers?q={q}", NS + " crash").then()
                .body("items.id", contains(paper.id())).body("items[0].digestDates", contains("2033-03-01")));
        given().get("/papers/{id}", paper.id()).then().body("digestDates", contains("2033-03-01"));
        assertEquals(1L, store.find(paper.id()).await().atMost(Duration.ofSeconds(10)).rev, "the redelivery wrote nothing");
    }

    @Test
    void duplicatesAndOlderRevisionsChangeNothingAndStreamOnce() throws Exception {
        MergedPaper rev1 = merged(NS + "-dup", 1, NS + " duplicated announcement");
        MergedPaper rev2 = merged(NS + "-dup", 2, NS + " duplicated announcement revised");
        MergedPaper sentinel = merged(NS + "-sentinel", 1, NS + " sentinel");
        try (SseClient client = SseClient.connect(URI.create(stream + "?q=" + NS))) {
            client.awaitConnected();
            TestKafka kafka = TestKafka.shared();
            for (MergedPaper p : List.of(rev1, rev1, rev2, rev1, rev2)) {
                kafka.send(Topics.PAPERS_MERGED, rev1.id(), json(p));
            }
            // the same key, so the same partition: it is applied after every record before it
            kafka.send(Topics.PAPERS_MERGED, rev1.id(), json(sentinel));
            List<SseClient.Event> events = client.papersUntil(ids -> ids.contains(sentinel.id()), Duration.ofSeconds(30));
            assertEquals(List.of(rev1.id(), rev1.id(), sentinel.id()), events.stream().map(SseClient.Event::id).toList(),
                    "one event per new revision: rev 1, rev 2, the sentinel");
        }
        given().get("/papers?q={q}", NS + " duplicated").then().body("total", equalTo(1))
                .body("items[0].title", equalTo(rev2.title()));
    }

    private static MergedPaper merged(String id, long rev, String title) {
        LocalDate day = LocalDate.of(2033, 3, 2);
        return new MergedPaper(id, rev, title, "An abstract.", null, List.of(new MergedPaper.Sighting(day, "hf", 0)),
                List.of(day), List.of(), false, List.of(), List.of(), null, 1, Instant.parse("2033-03-02T00:00:00Z"),
                Instant.parse("2033-03-02T00:00:01Z"));
    }

    private static String json(MergedPaper paper) {
        return new String(JSON.serialize(Topics.PAPERS_MERGED, paper), StandardCharsets.UTF_8);
    }

    private static long changelogEnd() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_MERGED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
