package io.paperpulse.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.parse.Pages;
import io.paperpulse.ingest.store.DigestRepository;
import io.paperpulse.ingest.store.StoredClaims;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka path: raw pages on digests.raw become keyed papers; what cannot be read is dead-lettered, and consumption goes on. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class RawDigestFlowTest {
    private static final String GROUP = "ingest-service";
    private final TestKafka kafka = TestKafka.shared();

    @Inject
    DigestRepository store;

    @Test
    void samplePageBecomesOneKeyedRecordPerPaper() {
        byte[] page = Pages.unique(Pages.sample()); // its own copy: the bad-input suites may push the sample itself, mutated to no change
        List<String> titleLines = Pages.samplePapers().stream().map(Pages.SamplePaper::title).toList();
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            kafka.send("digests.raw", null, page, Map.of("digest-date", "2026-03-11", "source", "test"));
            List<ConsumerRecord<String, byte[]>> records = parsed.await(62, Duration.ofSeconds(60));

            assertEquals(62, records.size());
            List<ParsedPaper> papers = papers(records).stream().sorted(Comparator.comparingInt(ParsedPaper::position)).toList();
            assertEquals(titleLines, papers.stream().map(ParsedPaper::title).toList());
            for (ConsumerRecord<String, byte[]> r : records) {
                ParsedPaper p = EventJson.read(TestKafka.text(r.value()), ParsedPaper.class);
                assertEquals(p.id(), r.key(), "records are keyed by paper id");
                assertEquals("2026-03-11", p.digestDate().toString());
                assertEquals("test", p.source());
                assertEquals(DigestIds.of(page), p.digestId());
            }
            assertEquals(GoldenFixtures.shape(GoldenFixtures.parsedPaperJson()), GoldenFixtures.shape(TestKafka.text(records.get(0).value())),
                    "what ingest-service writes has the golden contract's shape");
            ParsedPaper first = papers.get(0);
            assertEquals(GoldenFixtures.parsedPaper().id(), first.id(), "the same title gives the golden fixture's id");
            assertEquals(GoldenFixtures.parsedPaper().abstractText(), first.abstractText());
        }
        given().get("/digests/" + DigestIds.of(page)).then().statusCode(200)
                .body("status", equalTo("accepted"), "source", equalTo("test"), "papers", equalTo(62), "date", equalTo("2026-03-11"));
    }

    @Test
    void samePageAgainChangesNothingDownstream() {
        byte[] page = Pages.unique(Pages.fixture("text/cut-off-last-title.txt"));
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            kafka.send("digests.raw", null, page, Map.of());
            assertEquals(3, parsed.await(3, Duration.ofSeconds(30)).size());
        }
        long before = kafka.endOffset(Topics.PAPERS_PARSED);
        kafka.send("digests.raw", null, page, Map.of());
        RecordMetadata last = kafka.send("digests.raw", "other-key", page, Map.of("source", "someone-else"));
        kafka.awaitCommitted(GROUP, last, Duration.ofSeconds(30));
        assertEquals(before, kafka.endOffset(Topics.PAPERS_PARSED), "a page already ingested is not published again");
    }

    @Test
    void redeliveryAfterThePushHoldingThePageDiedPublishesEveryPaper() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        Instant died = Instant.now();
        StoredClaims.leave(store, page, died, died.plus(Duration.ofSeconds(1))); // claimed just now, never renewed
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            RecordMetadata redelivered = kafka.send("digests.raw", null, page, Map.of("source", "redelivered"));
            List<ParsedPaper> papers = papers(parsed.await(3, Duration.ofSeconds(30)));
            assertEquals(3, papers.size(), "every paper of the page");
            assertTrue(papers.stream().allMatch(p -> p.source().equals("redelivered")));
            kafka.awaitCommitted(GROUP, redelivered, Duration.ofSeconds(30));
        }
        given().get("/digests/" + DigestIds.of(page)).then().statusCode(200).body("status", equalTo("accepted"), "papers", equalTo(3));
    }

    @Test
    void deadLetterKeepsTheRecordAndSaysWhyAndWhereItCameFrom() {
        byte[] junk = {'M', 'a', 'r', ' ', '1', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        try (TestKafka.Tail dlq = kafka.tail("digests.raw.dlq")) {
            kafka.send("digests.raw", "junk-key", junk, Map.of("source", "fuzzer", "digest-date", "2024-03-11"));
            ConsumerRecord<String, byte[]> letter = dlq.await(1, Duration.ofSeconds(30)).get(0);

            assertArrayEquals(junk, letter.value(), "the original bytes");
            assertEquals("junk-key", letter.key(), "the original key");
            assertEquals("fuzzer", TestKafka.header(letter, "source"), "the original headers");
            assertEquals("2024-03-11", TestKafka.header(letter, "digest-date"));
            assertEquals("the page is not valid UTF-8: malformed byte sequence at byte 7", TestKafka.header(letter, "dead-letter-reason"));
            assertEquals("digests.raw", TestKafka.header(letter, "dead-letter-topic"));
            int partition = Integer.parseInt(TestKafka.header(letter, "dead-letter-partition"));
            long offset = Long.parseLong(TestKafka.header(letter, "dead-letter-offset"));
            assertArrayEquals(junk, recordAt("digests.raw", partition, offset).value(), "partition and offset point at the original");
        }
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndConsumptionGoesOn() {
        byte[] tooLarge = new byte[300 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        record Bad(byte[] value, Map<String, String> headers, String reason) {
        }
        List<Bad> bad = List.of(
                new Bad(null, Map.of(), "the page is empty"),
                new Bad("hello".getBytes(StandardCharsets.UTF_8), Map.of(), "no paper found in the text page"),
                new Bad(page, Map.of("digest-date", "yesterday"), "the digest date 'yesterday' is not an ISO date (YYYY-MM-DD)"),
                new Bad(page, Map.of("content-type", "application/pdf"), "content type application/pdf is not supported"),
                new Bad(tooLarge, Map.of(), "the page is 307200 bytes, over the limit of 262144 bytes"));
        try (TestKafka.Tail dlq = kafka.tail("digests.raw.dlq"); TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            for (Bad b : bad) {
                kafka.send("digests.raw", "bad", b.value(), b.headers());
            }
            kafka.send("digests.raw", "good", page, Map.of("source", "after-the-bad-ones"));

            List<ConsumerRecord<String, byte[]>> letters = dlq.await(bad.size(), Duration.ofSeconds(60));
            List<String> reasons = new ArrayList<>(letters.stream().map(r -> TestKafka.header(r, "dead-letter-reason")).toList());
            for (Bad b : bad) {
                assertTrue(reasons.stream().anyMatch(r -> r.startsWith(b.reason())), b.reason() + " in " + reasons);
            }
            List<ParsedPaper> after = papers(parsed.await(3, Duration.ofSeconds(30)));
            assertEquals(3, after.size(), "the good page after the bad ones is read");
            assertTrue(after.stream().allMatch(p -> p.source().equals("after-the-bad-ones")));
        }
    }

    @Test
    void pageWithAPaperTooLargeToPublishIsDeadLetteredWholeAndNothingPublished() {
        byte[] page = Pages.unique(Pages.withLongAbstract(100_000)); // under the page limit, over the record limit (64 KiB in tests)
        long before = kafka.endOffset(Topics.PAPERS_PARSED);
        try (TestKafka.Tail dlq = kafka.tail("digests.raw.dlq")) {
            RecordMetadata sent = kafka.send("digests.raw", "long", page, Map.of());
            List<ConsumerRecord<String, byte[]>> letters = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(1, letters.size());
            assertArrayEquals(page, letters.get(0).value());
            String reason = TestKafka.header(letters.get(0), "dead-letter-reason");
            assertTrue(reason.startsWith("paper 2 '" + Pages.LONG_PAPER + "' (id ") && reason.contains("refused whole"), reason);
            kafka.awaitCommitted(GROUP, sent, Duration.ofSeconds(30));
        }
        assertEquals(before, kafka.endOffset(Topics.PAPERS_PARSED), "not one paper of the page published");
    }

    private static ConsumerRecord<String, byte[]> recordAt(String topic, int partition, long offset) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no record at " + topic + "-" + partition + "@" + offset);
        }
    }

    private static List<ParsedPaper> papers(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventJson.read(TestKafka.text(r.value()), ParsedPaper.class)).toList();
    }
}
