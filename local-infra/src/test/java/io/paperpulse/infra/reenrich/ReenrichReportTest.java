package io.paperpulse.infra.reenrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.TopicSetup;
import io.paperpulse.infra.reenrich.Report.Example;
import io.paperpulse.infra.reenrich.Report.TypeChange;

/** The re-enrichment report on a real broker: merged revisions of version 3 are snapshot, then version 4 arrives. */
class ReenrichReportTest {
    private static final String ENRICH_GROUP = "enrich-v4";
    private static final String ATTENTION = "Attention Is All You Need";
    private static final String BERT = "BERT: Pre-training of Deep Bidirectional Transformers";
    private static final String QWEN = "Qwen2.5 Technical Report";
    private static final String ZEPHYR = "Zephyr: Direct Distillation of LM Alignment";

    @TempDir
    Path dir;

    private KraftBroker broker;

    @BeforeEach
    void startBroker() {
        broker = KraftBroker.temporary().start();
        TopicSetup.createMissing(broker.bootstrapServers());
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void countsAndExamplesOfTheNamesAddedAndRemovedAreExact() throws Exception {
        storeVersion3();
        Path snapshot = dir.resolve("snapshot.json");
        assertEquals(4, ReenrichReport.snapshot(broker.bootstrapServers(), snapshot));
        // the offset of "Transformer" moves and its title mention goes: the same name, no change
        merged("p1", 3, ATTENTION, 4, model("Transformer", Entity.ABSTRACT, 30), entity(EntityType.DATASET, "WMT 2014"),
                entity(EntityType.TASK, "machine translation"), entity(EntityType.TASK, "English-German translation"));
        merged("p2", 2, BERT, 4, model("BERT", Entity.TITLE, 0), entity(EntityType.DATASET, "GLUE"));
        merged("p3", 2, QWEN, 4, model("Qwen2.5-7B", Entity.ABSTRACT, 10), model("Qwen2.5-72B", Entity.ABSTRACT, 30),
                entity(EntityType.ORG, "Alibaba"), entity(EntityType.FRAMEWORK, "vLLM"));
        merged("p4", 2, ZEPHYR, 4);
        merged("p5", 1, "A paper pushed during the re-enrichment", 4, model("Llama 3", Entity.TITLE, 0));

        Report report = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 4, ENRICH_GROUP,
                Duration.ofHours(1), message -> { });

        assertEquals(new Report(4, 4, 4, 3, 0, 1, List.of(
                new TypeChange(EntityType.MODEL, 2, 2,
                        List.of(new Example(QWEN, List.of("Qwen2.5-72B", "Qwen2.5-7B"))),
                        List.of(new Example(QWEN, List.of("Qwen2.5")), new Example(ZEPHYR, List.of("Zephyr")))),
                new TypeChange(EntityType.TASK, 1, 0, List.of(new Example(ATTENTION, List.of("English-German translation"))), List.of()),
                new TypeChange(EntityType.FRAMEWORK, 1, 0, List.of(new Example(QWEN, List.of("vLLM"))), List.of()))), report);
        assertEquals(List.of(
                "re-enrichment with extractor version 4: 4 paper(s) compared with the snapshot before the restart",
                "  4 re-enriched (3 changed, 1 unchanged), 0 pending (still below version 4)",
                "  1 paper(s) stored since the snapshot, not compared",
                "  MODEL: 2 added, 2 removed",
                "    + Qwen2.5 Technical Report: \"Qwen2.5-72B\", \"Qwen2.5-7B\"",
                "    - Qwen2.5 Technical Report: \"Qwen2.5\"",
                "    - Zephyr: Direct Distillation of LM Alignment: \"Zephyr\"",
                "  TASK: 1 added, 0 removed",
                "    + Attention Is All You Need: \"English-German translation\"",
                "  FRAMEWORK: 1 added, 0 removed",
                "    + Qwen2.5 Technical Report: \"vLLM\""), report.lines());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void papersNotReenrichedYetArePendingAndTheWaitEndsOnceThePipelineIsDrained() throws Exception {
        storeVersion3();
        Path snapshot = dir.resolve("snapshot.json");
        ReenrichReport.snapshot(broker.bootstrapServers(), snapshot);
        merged("p3", 2, QWEN, 4, model("Qwen2.5-7B", Entity.ABSTRACT, 10), entity(EntityType.ORG, "Alibaba"));

        Report now = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 4, ENRICH_GROUP, Duration.ZERO,
                message -> { });
        assertEquals(List.of(4, 1, 1, 3), List.of(now.compared(), now.reenriched(), now.changed(), now.pending()));
        assertEquals("  1 re-enriched (1 changed, 0 unchanged), 3 pending (still below version 4)", now.lines().get(1));

        // enrich and query-service have committed all there is: the three papers will not come (dead letters, say)
        send(Topics.PAPERS_PARSED, "p3", "{}");
        send(Topics.PAPERS_ENRICHED, "p3", "{}");
        commitAtEnd(ENRICH_GROUP, Topics.PAPERS_PARSED);
        commitAtEnd(PipelineLag.QUERY_GROUP, Topics.PAPERS_ENRICHED);
        Report drained = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 4, ENRICH_GROUP,
                Duration.ofHours(1), message -> { });
        assertEquals(now, drained);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aReplayAtTheSameVersionIsReportedOnceThePipelineIsDrained() throws Exception {
        storeVersion3();
        Path snapshot = dir.resolve("snapshot.json");
        ReenrichReport.snapshot(broker.bootstrapServers(), snapshot);
        // reenrich --force: every paper already has version 3; only what the replay changed is stored again
        merged("p2", 2, BERT, 3, model("BERT", Entity.TITLE, 0), entity(EntityType.DATASET, "GLUE"), entity(EntityType.DATASET, "SQuAD"));
        send(Topics.PAPERS_PARSED, "p2", "{}");
        send(Topics.PAPERS_ENRICHED, "p2", "{}");
        commitAtEnd("enrich-rerun-1", Topics.PAPERS_PARSED);
        commitAtEnd(PipelineLag.QUERY_GROUP, Topics.PAPERS_ENRICHED);

        Report report = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 3, "enrich-rerun-1",
                Duration.ofHours(1), message -> { });

        assertEquals(new Report(3, 4, 4, 1, 0, 0, List.of(new TypeChange(EntityType.DATASET, 1, 0,
                List.of(new Example(BERT, List.of("SQuAD"))), List.of()))), report);
    }

    @Test
    void aReportChangesNothingAndComesOutTheSameAgain() throws Exception {
        storeVersion3();
        Path snapshot = dir.resolve("snapshot.json");
        ReenrichReport.snapshot(broker.bootstrapServers(), snapshot);
        String written = Files.readString(snapshot);
        merged("p4", 2, ZEPHYR, 4, model("Zephyr-7B", Entity.TITLE, 0));
        Map<TopicPartition, Long> before = endOffsets();

        Report first = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 4, ENRICH_GROUP, Duration.ZERO,
                message -> { });
        Report second = ReenrichReport.report(broker.bootstrapServers(), SnapshotFile.read(snapshot), 4, ENRICH_GROUP, Duration.ZERO,
                message -> { });

        assertEquals(first, second);
        assertEquals(List.of(new TypeChange(EntityType.MODEL, 1, 1, List.of(new Example(ZEPHYR, List.of("Zephyr-7B"))),
                List.of(new Example(ZEPHYR, List.of("Zephyr"))))), first.types());
        assertEquals(before, endOffsets(), "the report writes to no topic");
        assertEquals(List.of(), groups(), "the report commits no offsets: it has no consumer group");
        assertEquals(written, Files.readString(snapshot), "the snapshot is read, not rewritten");
    }

    @Test
    void examplesAreTheFirstPapersByTitleWithTheirFirstNames() {
        Map<String, PaperNames> before = new HashMap<>();
        Map<String, PaperNames> after = new HashMap<>();
        for (String title : List.of("E", "C", "A", "D", "B")) {
            before.put(title, new PaperNames(title, 1, title, 3, List.of()));
            List<PaperNames.Name> names = List.of("m1", "m2", "m3", "m4", "m5").stream()
                    .map(n -> new PaperNames.Name(EntityType.DATASET, n)).toList();
            after.put(title, new PaperNames(title, 2, title, 4, names));
        }
        List<String> four = List.of("m1", "m2", "m3", "m4");
        assertEquals(List.of(new TypeChange(EntityType.DATASET, 25, 0,
                        List.of(new Example("A", four), new Example("B", four), new Example("C", four)), List.of())),
                ReenrichDiff.compare(before, after, 4).types());
    }

    /** Four papers at version 3; p1 with an older revision first, whose names the snapshot must not take. */
    private void storeVersion3() throws Exception {
        merged("p1", 1, ATTENTION, 3, model("Old name", Entity.TITLE, 0));
        merged("p1", 2, ATTENTION, 3, model("Transformer", Entity.TITLE, 0), model("Transformer", Entity.ABSTRACT, 12),
                entity(EntityType.DATASET, "WMT 2014"), entity(EntityType.TASK, "machine translation"));
        merged("p2", 1, BERT, 3, model("BERT", Entity.TITLE, 0), entity(EntityType.DATASET, "GLUE"));
        merged("p3", 1, QWEN, 3, model("Qwen2.5", Entity.TITLE, 0), entity(EntityType.ORG, "Alibaba"));
        merged("p4", 1, ZEPHYR, 3, model("Zephyr", Entity.TITLE, 0));
    }

    private static Entity model(String text, String field, int start) {
        return new Entity(EntityType.MODEL, text, field, start, start + text.length());
    }

    private static Entity entity(EntityType type, String text) {
        return new Entity(type, text, Entity.ABSTRACT, 100, 100 + text.length());
    }

    /** A revision as query-service announces it on the changelog. */
    private void merged(String id, long rev, String title, int version, Entity... entities) throws Exception {
        Instant at = Instant.parse("2026-03-11T10:00:00Z").plusSeconds(rev);
        MergedPaper paper = new MergedPaper(id, rev, title, "An abstract.", null,
                List.of(new MergedPaper.Sighting(LocalDate.parse("2026-03-11"), null, 0)), List.of(LocalDate.parse("2026-03-11")),
                List.of(), false, List.of(entities), List.of(), null, version, at, at);
        send(Topics.PAPERS_MERGED, id, EventJson.mapper().writeValueAsString(paper));
    }

    private void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    /** What a group that has consumed all of {@code topic} has committed. */
    private void commitAtEnd(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> end = endOffsets(topic).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(group, end).all().get();
        }
    }

    private List<String> groups() throws Exception {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        return endOffsets(Topics.PAPERS_MERGED);
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return consumer.endOffsets(partitions);
        }
    }
}
