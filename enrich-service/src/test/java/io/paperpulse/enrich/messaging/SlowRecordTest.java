package io.paperpulse.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A record whose extraction takes longer than its limit goes to papers.parsed.dlq with that reason, on the real
 * broker, and the service goes on: the next record is enriched and liveness stays up.
 */
@QuarkusTest
@TestProfile(SlowRecordTest.WithSlowPapers.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class SlowRecordTest {
    static final String SLOW_TITLE = "A Paper Whose Extraction Never Ends";
    /** The broker of this profile's application: a test profile gets a broker of its own. */
    private final TestKafka kafka = new TestKafka(bootstrapServers());

    public static class WithSlowPapers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperpulse.enrich.time-limit", "1s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SlowForOneTitle.class);
        }
    }

    /** The real extraction, except that a paper of {@link #SLOW_TITLE} takes far longer than the limit. */
    @Alternative
    @ApplicationScoped
    public static class SlowForOneTitle extends TimedExtraction {
        @Override
        protected Extraction extract(ParsedPaper paper) {
            if (paper.title().equals(SLOW_TITLE)) {
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.extract(paper);
        }
    }

    @Test
    void slowRecordIsDeadLetteredWithItsReasonAndTheNextIsEnriched() throws JsonProcessingException {
        List<ParsedPaper> papers = ReenrichTestPapers.fresh(2);
        ParsedPaper g = papers.get(0);
        ParsedPaper slow = new ParsedPaper(g.id() + "-slow", SLOW_TITLE, g.abstractText(), g.digestDate(), g.digestId(), g.source(),
                g.position(), g.arxivId(), g.receivedAt());
        ParsedPaper next = papers.get(1);
        try (TestKafka.Tail dlq = kafka.tail("papers.parsed.dlq"); TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            kafka.send("papers.parsed", slow.id(), EventJson.mapper().writeValueAsString(slow));
            kafka.send("papers.parsed", next.id(), EventJson.mapper().writeValueAsString(next));

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            assertEquals(slow.id(), dead.get(0).key());
            assertEquals("extraction took longer than 1000 ms (paperpulse.enrich.time-limit)", TestKafka.header(dead.get(0), "dead-letter-reason"));
            List<ConsumerRecord<String, byte[]>> out = enriched.await(1, Duration.ofSeconds(30));
            assertEquals(List.of(next.id()), out.stream().map(ConsumerRecord::key).toList(), "the next record is enriched, the slow one not");
        }
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
