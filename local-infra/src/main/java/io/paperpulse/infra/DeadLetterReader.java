package io.paperpulse.infra;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.paperpulse.contracts.Topics;

/**
 * Reads the dead-letter topics ({@code *.dlq}) from where a caller says up to their end as it is when reading starts,
 * so a DLQ that keeps filling cannot keep {@code dlq} or {@code dlq replay} running. Keys and values stay raw bytes.
 */
final class DeadLetterReader implements AutoCloseable {
    /** Every header the dead-letter strategies add starts with this; the rest are the original record's. */
    static final String HEADER_PREFIX = "dead-letter-";
    static final String HEADER_ORIGINAL_TOPIC = HEADER_PREFIX + "topic";

    private final KafkaConsumer<byte[], byte[]> consumer;

    /** {@code groupId} may be null: only a reader that commits offsets needs a group. */
    DeadLetterReader(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // offsets committed in a replay's transaction count only once it committed
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The partitions of every dead-letter topic, or only of the one for {@code topic} (named as itself or by its original). */
    List<TopicPartition> partitions(Optional<String> topic) {
        return consumer.listTopics().entrySet().stream()
                .filter(e -> e.getKey().endsWith(Topics.DLQ_SUFFIX))
                .filter(e -> topic.isEmpty() || e.getKey().equals(topic.get()) || e.getKey().equals(Topics.deadLetter(topic.get())))
                .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                .sorted(Comparator.comparing(TopicPartition::toString))
                .toList();
    }

    /** Where the reader's group stopped on each partition; a partition it never committed is absent. */
    Map<TopicPartition, Long> committed(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.committed(new HashSet<>(partitions)).forEach((tp, committed) -> {
            if (committed != null) {
                offsets.put(tp, committed.offset());
            }
        });
        return offsets;
    }

    /** Hands each poll's records, in order within a partition, from {@code from} (else the beginning) to the end. */
    void readToEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> from, Consumer<ConsumerRecords<byte[], byte[]>> eachPoll) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions.stream().filter(tp -> !from.containsKey(tp)).toList());
        from.forEach(consumer::seek);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                eachPoll.accept(records);
            }
        }
    }

    /** The offsets to commit once {@code records} are dealt with: each partition's next record. */
    static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            var inPartition = records.records(tp);
            next.put(tp, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return next;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
