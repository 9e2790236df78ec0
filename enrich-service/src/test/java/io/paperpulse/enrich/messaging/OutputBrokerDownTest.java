package io.paperpulse.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.Ports;
import io.paperpulse.infra.TopicSetup;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * When the broker enrich-service writes to is unreachable, a paper is not dead-lettered: its send is tried again with
 * readiness down and liveness up, consumption waits, and the paper arrives once the broker is back. papers.enriched
 * lives on a broker of its own here, so that the test can stop it while papers.parsed stays readable.
 */
@QuarkusTest
@TestProfile(OutputBrokerDownTest.OutputOnItsOwnBroker.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class OutputBrokerDownTest {
    private final TestKafka input = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    public static class OutputOnItsOwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the producer gives up on a send within seconds, so that the retry, not the producer, is what is tested
            return Map.of("mp.messaging.outgoing.papers-enriched.max.block.ms", "1000",
                    "mp.messaging.outgoing.papers-enriched.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.papers-enriched.delivery.timeout.ms", "2000",
                    "paperpulse.enrich.retry-backoff", "200ms",
                    "paperpulse.enrich.retry-max-backoff", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutputBroker.class));
        }
    }

    /** A second broker, kept on its ports and data across a stop, for papers.enriched only. */
    public static class OutputBroker implements QuarkusTestResourceLifecycleManager {
        private static Path data;
        private static int port;
        private static int controllerPort;
        static KraftBroker broker;

        @Override
        public Map<String, String> start() {
            try {
                data = Files.createTempDirectory("paperpulse-output-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Integer> ports = Ports.free(2);
            port = ports.get(0);
            controllerPort = ports.get(1);
            up();
            TopicSetup.createMissing(broker.bootstrapServers());
            return Map.of("mp.messaging.outgoing.papers-enriched.bootstrap.servers", broker.bootstrapServers());
        }

        static void up() {
            broker = new KraftBroker(data, port, controllerPort).start();
        }

        static void down() {
            broker.close();
        }

        @Override
        public void stop() {
            broker.close();
        }
    }

    @Test
    void paperIsSentAgainUntilItsBrokerIsBackAndNeverDeadLettered() throws Exception {
        ParsedPaper paper = ReenrichTestPapers.fresh(1).get(0);
        long deadLetters = input.endOffset(Topics.deadLetter(Topics.PAPERS_PARSED));
        OutputBroker.down();
        try {
            input.send(Topics.PAPERS_PARSED, paper.id(), EventJson.mapper().writeValueAsString(paper));

            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'enrich-publish' }.status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            OutputBroker.up(); // the cause is fixed
        }
        TestKafka output = new TestKafka(OutputBroker.broker.bootstrapServers());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> output.endOffset(Topics.PAPERS_ENRICHED) > 0); // the paper arrived
        assertEquals(deadLetters, input.endOffset(Topics.deadLetter(Topics.PAPERS_PARSED)), "nothing dead-lettered");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
