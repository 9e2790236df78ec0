package io.paperpulse.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.paperpulse.contracts.Topics;

/** {@code paperpulse dlq}: prints every dead letter of every {@code .dlq} topic, with the reason, and exits. */
public final class DeadLetters {
    private static final int PREVIEW_CHARS = 160;

    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
                    .filter(e -> e.getKey().endsWith(Topics.DLQ_SUFFIX))
                    .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            int count = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    System.out.printf("%s-%d@%d %s key=%s%n", r.topic(), r.partition(), r.offset(),
                            Instant.ofEpochMilli(r.timestamp()), r.key());
                    for (Header h : r.headers()) {
                        if (h.key().startsWith("dead-letter")) {
                            System.out.printf("  %s: %s%n", h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                    }
                    String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                    System.out.printf("  value (%d bytes): %s%n", r.value() == null ? 0 : r.value().length,
                            value.length() > PREVIEW_CHARS ? value.substring(0, PREVIEW_CHARS) + "…" : value);
                }
            }
            System.out.printf("%d dead letter(s)%n", count);
        }
    }
}
