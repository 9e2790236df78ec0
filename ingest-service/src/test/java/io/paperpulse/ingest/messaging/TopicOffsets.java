package io.paperpulse.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.TestKafka;

/**
 * Kafka by offsets, for tests that send many records and then tell what the service did with all of them: send them
 * with one producer, wait until a consumer group has committed a topic to its end, read a topic between offsets.
 */
final class TopicOffsets {
    private static final int LARGEST_RECORD = 16 * 1024 * 1024;

    private TopicOffsets() {
    }

    /** Sends records in order with one producer (one per record would cost a connection each). */
    static List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(LARGEST_RECORD));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            List<RecordMetadata> written = new ArrayList<>();
            for (Future<RecordMetadata> s : sent) {
                written.add(s.get());
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The end offset of each partition of {@code topic}: where its next record goes. */
    static Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until consumer group {@code group} has committed every partition of {@code topic} up to its end as of this
     * call: the service is done with every record written before, whatever it did with each. Throws past {@code timeout}.
     */
    static void awaitConsumedToEnd(String group, String topic, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        endOffsets(topic).forEach((partition, end) -> {
            if (end > 0) { // committed past the last record of the partition
                TestKafka.shared().awaitCommitted(group, new RecordMetadata(partition, end - 1, 0, 0, 0, 0),
                        Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())));
            }
        });
    }

    /** The records of {@code topic} from the offsets {@code from} (by partition) up to its end as of this call. */
    static List<ConsumerRecord<String, byte[]>> read(String topic, Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(LARGEST_RECORD));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            ends.keySet().forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long deadline = System.currentTimeMillis() + 60_000;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " from " + from + " to " + ends);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /** Where a read that went on from {@code from} and got {@code records} goes on next. */
    static Map<TopicPartition, Long> after(Map<TopicPartition, Long> from, List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> next = new java.util.HashMap<>(from);
        records.forEach(r -> next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        return next;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers()));
    }
}
