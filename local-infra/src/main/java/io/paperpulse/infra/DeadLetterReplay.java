package io.paperpulse.infra;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code paperpulse dlq replay [--topic T]}: re-publishes each dead letter to its original topic (header
 * {@code dead-letter-topic}) with its key, value and original headers, once its cause is fixed. Each poll's records
 * and the consumer group {@value #GROUP}'s offsets past them are committed in one transaction, so a replay sends
 * every dead letter once, even when it is interrupted and run again, and a second replay sends nothing.
 */
public final class DeadLetterReplay {
    public static final String GROUP = "paperpulse-dlq-replay";

    /** How many dead letters went back to each original topic, and how many could not (no original topic named). */
    public record Result(Map<String, Integer> replayedTo, int withoutOriginalTopic) {
    }

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        Optional<String> topic = Optional.empty();
        if (args.length == 2 && args[0].equals("--topic")) {
            topic = Optional.of(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: paperpulse dlq replay [--topic TOPIC]");
            System.exit(2);
        }
        Result result = replay(LocalInfrastructure.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), topic);
        result.replayedTo().forEach((to, n) -> System.out.printf("replayed %d dead letter(s) to %s%n", n, to));
        if (result.withoutOriginalTopic() > 0) {
            System.out.printf("skipped %d dead letter(s) without a %s header%n", result.withoutOriginalTopic(),
                    DeadLetterReader.HEADER_ORIGINAL_TOPIC);
        }
        if (result.replayedTo().isEmpty() && result.withoutOriginalTopic() == 0) {
            System.out.println("nothing to replay: every dead letter was replayed before");
        }
    }

    /** Replays the dead letters of every DLQ, or of {@code topic}'s (named as the DLQ or as its original), not replayed yet. */
    public static Result replay(String bootstrapServers, Optional<String> topic) {
        Map<String, Integer> replayedTo = new TreeMap<>();
        int[] withoutOriginalTopic = {0};
        try (DeadLetterReader reader = new DeadLetterReader(bootstrapServers, GROUP);
                KafkaProducer<byte[], byte[]> producer = transactionalProducer(bootstrapServers)) {
            producer.initTransactions();
            List<TopicPartition> partitions = reader.partitions(topic);
            reader.readToEnd(partitions, reader.committed(partitions), records -> {
                producer.beginTransaction();
                for (ConsumerRecord<byte[], byte[]> letter : records) {
                    Optional<ProducerRecord<byte[], byte[]>> original = original(letter);
                    original.ifPresentOrElse(r -> {
                        producer.send(r);
                        replayedTo.merge(r.topic(), 1, Integer::sum);
                    }, () -> withoutOriginalTopic[0]++);
                }
                // a dead letter without an original topic can never be replayed: the group moves past it too
                producer.sendOffsetsToTransaction(DeadLetterReader.next(records), new ConsumerGroupMetadata(GROUP));
                producer.commitTransaction();
            });
        }
        return new Result(replayedTo, withoutOriginalTopic[0]);
    }

    /** The record as it was before it was dead-lettered: same key, value and headers but the {@code dead-letter-*} ones. */
    static Optional<ProducerRecord<byte[], byte[]>> original(ConsumerRecord<byte[], byte[]> letter) {
        Header topic = letter.headers().lastHeader(DeadLetterReader.HEADER_ORIGINAL_TOPIC);
        if (topic == null || topic.value() == null || topic.value().length == 0) {
            return Optional.empty();
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith(DeadLetterReader.HEADER_PREFIX)) {
                headers.add(h);
            }
        }
        return Optional.of(new ProducerRecord<>(new String(topic.value(), StandardCharsets.UTF_8), null, letter.key(), letter.value(), headers));
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // one id for every replay: a second replay running at once fences the first instead of sending twice
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP);
        // a dead raw page can be as large as the largest page digests.raw takes
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(TopicSetup.MAX_PAGE_BYTES));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
