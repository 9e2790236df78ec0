package io.paperpulse.infra.reenrich;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;

/**
 * Reads the changelog {@code papers.merged} with a plain consumer (no group, nothing committed): every partition from
 * its start, keeping the highest revision of each paper. Each {@link #readToEnd()} goes on where the last one stopped.
 */
final class MergedChangelog implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, PaperNames> latest = new HashMap<>();

    MergedChangelog(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(Topics.PAPERS_MERGED).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The latest revision of every paper, read up to the changelog's end as it is when called. */
    Map<String, PaperNames> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                apply(record);
            }
        }
        return Map.copyOf(latest);
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        PaperNames paper = PaperNames.of(EventJson.read(record.value(), MergedPaper.class));
        latest.merge(paper.id(), paper, (seen, next) -> next.rev() >= seen.rev() ? next : seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
