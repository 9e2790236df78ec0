package io.paperpulse.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The consumer group of papers.parsed is named by the extractor version, on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ReenrichByVersionTest {
    private final TestKafka kafka = TestKafka.shared();

    @Test
    void papersAreEnrichedUnderTheGroupOfTheCurrentExtractorVersion() throws Exception {
        String group = ConfigProvider.getConfig().getValue(ExtractorVersionConfigSource.GROUP_ID, String.class);
        assertEquals("enrich-v" + PaperExtractor.VERSION, group);

        List<ParsedPaper> papers = ReenrichTestPapers.fresh(2);
        Set<String> ids = papers.stream().map(ParsedPaper::id).collect(Collectors.toSet());
        try (TestKafka.Tail enriched = kafka.tail("papers.enriched")) {
            ReenrichTestPapers.send(kafka, papers);
            List<EnrichedPaper> out = awaitIds(enriched, ids);
            for (EnrichedPaper p : out) {
                assertEquals(PaperExtractor.VERSION, p.extractorVersion());
                assertFalse(p.entities().isEmpty());
            }
        }
        // the broker knows the group by that name, with its offsets on papers.parsed
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()))) {
            long deadline = System.currentTimeMillis() + 30_000;
            Map<TopicPartition, OffsetAndMetadata> offsets = Map.of();
            while (System.currentTimeMillis() < deadline) {
                offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                if (offsets.keySet().stream().anyMatch(tp -> tp.topic().equals("papers.parsed"))) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(offsets.keySet().stream().anyMatch(tp -> tp.topic().equals("papers.parsed")), offsets.toString());
        }
    }

    /** Enriched papers of the given ids, waiting up to 60 s (other records are skipped). */
    static List<EnrichedPaper> awaitIds(TestKafka.Tail tail, Set<String> ids) {
        java.util.Map<String, EnrichedPaper> found = new java.util.HashMap<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!found.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> r : tail.await(1, Duration.ofSeconds(1))) {
                if (ids.contains(r.key())) {
                    found.put(r.key(), EventJson.read(TestKafka.text(r.value()), EnrichedPaper.class));
                }
            }
        }
        assertEquals(ids, found.keySet(), "every paper is enriched");
        return List.copyOf(found.values());
    }
}
