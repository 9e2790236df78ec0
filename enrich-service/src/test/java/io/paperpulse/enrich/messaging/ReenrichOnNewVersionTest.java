package io.paperpulse.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Re-enrichment after a version change, end to end on the real broker: papers are on the compacted papers.parsed
 * before the service starts; the service then starts under the consumer group of a version that never ran (what a
 * bumped {@link PaperExtractor#VERSION} gives), and every one of those papers comes out enriched again, with no other
 * action.
 */
@QuarkusTest
@TestProfile(ReenrichOnNewVersionTest.NextVersion.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ReenrichOnNewVersionTest {

    /** The service as the next extractor version runs it: a group no consumer has used. */
    public static class NextVersion implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ExtractorVersionConfigSource.GROUP_ID,
                    ExtractorVersionConfigSource.groupId(PaperExtractor.VERSION + 1) + "-" + System.nanoTime());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PapersAlreadyParsed.class));
        }
    }

    /** Writes papers to papers.parsed before the service starts, and starts reading papers.enriched. */
    public static class PapersAlreadyParsed implements QuarkusTestResourceLifecycleManager {
        static List<ParsedPaper> papers;
        static TestKafka.Tail enriched;

        @Override
        public Map<String, String> start() {
            TestKafka kafka = new TestKafka(KafkaBrokerResource.bootstrapServers());
            enriched = kafka.tail("papers.enriched");
            papers = ReenrichTestPapers.fresh(3);
            ReenrichTestPapers.send(kafka, papers);
            return Map.of();
        }

        @Override
        public void stop() {
            if (enriched != null) {
                enriched.close();
            }
        }
    }

    @Test
    void everyPaperAlreadyOnTheTopicIsEnrichedAgain() {
        Set<String> ids = PapersAlreadyParsed.papers.stream().map(ParsedPaper::id).collect(Collectors.toSet());
        List<EnrichedPaper> out = ReenrichByVersionTest.awaitIds(PapersAlreadyParsed.enriched, ids);
        for (EnrichedPaper p : out) {
            assertEquals(PaperExtractor.VERSION, p.extractorVersion());
            assertFalse(p.entities().isEmpty());
        }
    }
}
