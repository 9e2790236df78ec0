package io.paperpulse.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class RawDigestFlowTest {
    static final Path SAMPLE = Path.of("../samples/digests/trending-papers-mar-11.txt");
    private final TestKafka kafka = TestKafka.shared();

    @Test
    void samplePageBecomesOneKeyedRecordPerPaper() throws Exception {
        byte[] page = Files.readAllBytes(SAMPLE);
        List<String> titleLines = sampleTitleLines(page);
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            kafka.send("digests.raw", null, page, Map.of("digest-date", "2026-03-11", "source", "test"));
            List<ConsumerRecord<String, byte[]>> records = parsed.await(62, Duration.ofSeconds(60));

            assertEquals(62, records.size());
            List<ParsedPaper> papers = records.stream()
                    .map(r -> EventJson.read(TestKafka.text(r.value()), ParsedPaper.class))
                    .sorted(java.util.Comparator.comparingInt(ParsedPaper::position))
                    .toList();
            assertEquals(titleLines, papers.stream().map(ParsedPaper::title).toList());
            for (ConsumerRecord<String, byte[]> r : records) {
                ParsedPaper p = EventJson.read(TestKafka.text(r.value()), ParsedPaper.class);
                assertEquals(p.id(), r.key(), "records are keyed by paper id");
                assertEquals("2026-03-11", p.digestDate().toString());
                assertEquals("test", p.source());
            }
            assertEquals(GoldenFixtures.shape(GoldenFixtures.parsedPaperJson()), GoldenFixtures.shape(TestKafka.text(records.get(0).value())),
                    "what ingest-service writes has the golden contract's shape");
            ParsedPaper first = papers.get(0);
            assertEquals(GoldenFixtures.parsedPaper().id(), first.id(), "the same title gives the golden fixture's id");
            assertEquals(GoldenFixtures.parsedPaper().abstractText(), first.abstractText());
        }
    }

    @Test
    void pageThatIsNotUtf8GoesToDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        byte[] junk = {'M', 'a', 'r', ' ', '1', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] good = "Mar 12\n\nA Title Nobody Used Before\n\nIts abstract.\n".getBytes(StandardCharsets.UTF_8);
        try (TestKafka.Tail dlq = kafka.tail("digests.raw.dlq"); TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            kafka.send("digests.raw", "junk", junk, Map.of("source", "fuzzer"));
            kafka.send("digests.raw", "good", good, Map.of());

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            ConsumerRecord<String, byte[]> letter = dead.get(0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(junk, letter.value(), "the original bytes are kept");
            assertEquals("fuzzer", TestKafka.header(letter, "source"), "the original headers are kept");
            assertTrue(TestKafka.header(letter, "dead-letter-reason").contains("not valid UTF-8"));
            assertEquals("digests.raw", TestKafka.header(letter, "dead-letter-topic"));

            List<ConsumerRecord<String, byte[]>> after = parsed.await(1, Duration.ofSeconds(30));
            assertEquals("A Title Nobody Used Before", EventJson.read(TestKafka.text(after.get(0).value()), ParsedPaper.class).title());
        }
    }

    static List<String> sampleTitleLines(byte[] page) {
        List<String> lines = new String(page, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        int date = lines.indexOf("Mar 11");
        return java.util.stream.IntStream.range(0, 62).mapToObj(i -> lines.get(date + 1 + 2 * i)).toList();
    }
}
