package io.paperpulse.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A paper whose enriched record Kafka refuses for good (larger than the producer may send) goes to papers.parsed.dlq
 * with Kafka's reason, while the paper polled with it is enriched: one bad record never holds back its poll.
 */
@QuarkusTest
@TestProfile(OversizedResultTest.WithSmallRequests.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class OversizedResultTest {
    private final TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    public static class WithSmallRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.papers-enriched.max.request.size", "4096");
        }
    }

    @Test
    void oversizedResultIsDeadLetteredAndItsNeighbourEnriched() throws JsonProcessingException {
        ParsedPaper g = ReenrichTestPapers.fresh(1).get(0);
        ParsedPaper large = new ParsedPaper(g.id() + "-large", "A Long Study of BERT", "We fine-tune BERT on GLUE. ".repeat(200),
                g.digestDate(), g.digestId(), g.source(), 0, null, g.receivedAt());
        ParsedPaper small = new ParsedPaper(g.id() + "-small", "A Short Study", "We fine-tune BERT on GLUE.", g.digestDate(),
                g.digestId(), g.source(), 1, null, g.receivedAt());
        try (TestKafka.Tail dlq = kafka.tail("papers.parsed.dlq"); TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            kafka.send("papers.parsed", large.id(), EventJson.mapper().writeValueAsString(large));
            kafka.send("papers.parsed", small.id(), EventJson.mapper().writeValueAsString(small));

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(List.of(large.id()), dead.stream().map(ConsumerRecord::key).toList());
            String reason = TestKafka.header(dead.get(0), "dead-letter-reason");
            assertTrue(reason.contains("max.request.size"), reason);
            assertEquals("papers.parsed", TestKafka.header(dead.get(0), "dead-letter-topic"));
            List<ConsumerRecord<String, byte[]>> out = enriched.await(1, Duration.ofSeconds(30));
            assertEquals(List.of(small.id()), out.stream().map(ConsumerRecord::key).toList());
        }
    }
}
