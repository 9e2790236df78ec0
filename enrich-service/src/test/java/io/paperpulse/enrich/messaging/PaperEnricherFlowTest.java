package io.paperpulse.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class PaperEnricherFlowTest {
    private final TestKafka kafka = TestKafka.shared();

    @Test
    void goldenParsedPaperComesOutEnrichedAndKeyedById() {
        ParsedPaper paper = GoldenFixtures.parsedPaper();
        try (TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            kafka.send("papers.parsed", paper.id(), GoldenFixtures.parsedPaperJson());
            List<ConsumerRecord<String, byte[]>> records = enriched.await(1, Duration.ofSeconds(30));

            assertEquals(1, records.size());
            assertEquals(paper.id(), records.get(0).key());
            String json = TestKafka.text(records.get(0).value());
            EnrichedPaper out = EventJson.read(json, EnrichedPaper.class);
            assertEquals(paper, out.paper(), "the parsed paper travels unchanged");
            assertEquals(List.of("https://aka.ms/BLURB"), out.links());
            assertTrue(out.stats().words() > 200);
            assertTrue(GoldenFixtures.shape(GoldenFixtures.enrichedPaperJson()).containsAll(GoldenFixtures.shape(json)),
                    "enrich-service writes no field the golden contract lacks");
        }
    }

    @Test
    void redeliveredRecordIsEnrichedIntoTheSameBytes() throws Exception {
        ParsedPaper paper = ReenrichTestPapers.fresh(1).get(0);
        byte[] json = EventJson.mapper().writeValueAsBytes(paper);
        Instant published = Instant.parse("2026-03-11T09:30:00.123Z");
        try (TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            kafka.send("papers.parsed", paper.id(), json, Map.of(), published);
            kafka.send("papers.parsed", paper.id(), json, Map.of(), published); // the same record once more
            List<ConsumerRecord<String, byte[]>> out = enriched.await(2, Duration.ofSeconds(30));

            assertEquals(2, out.size());
            assertEquals(TestKafka.text(out.get(0).value()), TestKafka.text(out.get(1).value()), "a redelivery writes the very same bytes");
            assertEquals(published, EventJson.read(TestKafka.text(out.get(0).value()), EnrichedPaper.class).enrichedAt(),
                    "enrichedAt is the parsed record's time");
        }
    }

    @Test
    void recordThatIsNotAPaperGoesToDeadLetterTopicAndConsumptionGoesOn() {
        ParsedPaper paper = GoldenFixtures.parsedPaper();
        try (TestKafka.Tail dlq = kafka.tail("papers.parsed.dlq"); TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            kafka.send("papers.parsed", "broken", "{\"id\": \"x\", \"digestDate\": \"yesterday\"}");
            kafka.send("papers.parsed", paper.id(), GoldenFixtures.parsedPaperJson());

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            assertEquals("broken", dead.get(0).key());
            assertTrue(TestKafka.header(dead.get(0), "dead-letter-reason").contains("not a valid ParsedPaper"));
            assertEquals(1, enriched.await(1, Duration.ofSeconds(30)).size(), "the next paper is still enriched");
        }
    }
}
