package io.paperpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.Topics;

/** {@code paperpulse dlq replay} on a real broker: each dead letter goes back once, as it was, to its own topic. */
class DeadLetterReplayTest {
    private static final List<String> ORIGINALS = List.of(Topics.DIGESTS_RAW, Topics.PAPERS_PARSED, Topics.PAPERS_ENRICHED);

    private KraftBroker broker;

    @BeforeEach
    void startBroker() {
        // the replay's consumer group and transactional id are fixed: each test gets a broker of its own
        broker = KraftBroker.temporary().start();
        TopicSetup.createMissing(broker.bootstrapServers());
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void replaysEachDeadLetterOnceWithItsKeyValueAndOriginalHeaders() throws Exception {
        deadLetter(Topics.DIGESTS_RAW, "d1", "page one", Map.of(Topics.HEADER_DIGEST_DATE, "2024-03-11"));
        deadLetter(Topics.DIGESTS_RAW, "d2", "page two", Map.of(Topics.HEADER_SOURCE, "kcat"));
        deadLetter(Topics.PAPERS_ENRICHED, "p1", "{\"id\":\"p1\"}", Map.of());
        Map<TopicPartition, Long> before = endOffsets();

        DeadLetterReplay.Result first = DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty());

        assertEquals(Map.of(Topics.DIGESTS_RAW, 2, Topics.PAPERS_ENRICHED, 1), first.replayedTo());
        List<ConsumerRecord<byte[], byte[]>> raw = readFrom(before, Topics.DIGESTS_RAW);
        assertEquals(List.of("d1=page one [digest-date=2024-03-11]", "d2=page two [source=kcat]"),
                raw.stream().map(DeadLetterReplayTest::describe).sorted().toList());
        assertEquals(List.of("p1={\"id\":\"p1\"} []"), readFrom(before, Topics.PAPERS_ENRICHED).stream().map(DeadLetterReplayTest::describe).toList());
        assertEquals(List.of(), readFrom(before, Topics.PAPERS_PARSED));

        Map<TopicPartition, Long> afterFirst = endOffsets();
        DeadLetterReplay.Result second = DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty());
        assertEquals(Map.of(), second.replayedTo());
        assertEquals(afterFirst, endOffsets(), "a second replay publishes nothing");

        // the group remembers where it stopped, not that it ran: a dead letter that arrives later is replayed next time
        deadLetter(Topics.PAPERS_PARSED, "p2", "{\"id\":\"p2\"}", Map.of());
        assertEquals(Map.of(Topics.PAPERS_PARSED, 1), DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty()).replayedTo());
        assertEquals(List.of("p2={\"id\":\"p2\"} []"), readFrom(afterFirst, Topics.PAPERS_PARSED).stream().map(DeadLetterReplayTest::describe).toList());
        Map<TopicPartition, Long> afterThird = endOffsets();
        for (String untouched : List.of(Topics.DIGESTS_RAW, Topics.PAPERS_ENRICHED)) {
            assertEquals(of(afterFirst, untouched), of(afterThird, untouched), untouched + " got nothing again");
        }
    }

    @Test
    void topicRestrictsTheReplayToThatTopicsDeadLetters() throws Exception {
        deadLetter(Topics.DIGESTS_RAW, "d1", "page one", Map.of());
        deadLetter(Topics.PAPERS_ENRICHED, "p1", "{\"id\":\"p1\"}", Map.of());
        Map<TopicPartition, Long> before = endOffsets();

        assertEquals(Map.of(Topics.PAPERS_ENRICHED, 1),
                DeadLetterReplay.replay(broker.bootstrapServers(), Optional.of(Topics.PAPERS_ENRICHED)).replayedTo());
        assertEquals(List.of(), readFrom(before, Topics.DIGESTS_RAW));
        assertEquals(1, readFrom(before, Topics.PAPERS_ENRICHED).size());

        // named by its DLQ, the other topic's dead letter goes back now, and only it
        Map<TopicPartition, Long> afterFirst = endOffsets();
        assertEquals(Map.of(Topics.DIGESTS_RAW, 1),
                DeadLetterReplay.replay(broker.bootstrapServers(), Optional.of(Topics.deadLetter(Topics.DIGESTS_RAW))).replayedTo());
        assertEquals(List.of("d1=page one []"), readFrom(afterFirst, Topics.DIGESTS_RAW).stream().map(DeadLetterReplayTest::describe).toList());
        assertEquals(List.of(), readFrom(afterFirst, Topics.PAPERS_ENRICHED));
        assertEquals(Map.of(), DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty()).replayedTo());
    }

    @Test
    void aDeadLetterNamingNoOriginalTopicIsCountedAndPassed() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.deadLetter(Topics.DIGESTS_RAW), bytes("x"), bytes("no origin"))).get();
        }

        assertEquals(new DeadLetterReplay.Result(Map.of(), 1), DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty()));
        assertEquals(before, endOffsets());
        assertEquals(new DeadLetterReplay.Result(Map.of(), 0), DeadLetterReplay.replay(broker.bootstrapServers(), Optional.empty()));
    }

    /** A dead letter as the services' strategies write it: the original record plus the dead-letter-* headers. */
    private void deadLetter(String original, String key, String value, Map<String, String> originalHeaders) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        originalHeaders.forEach((k, v) -> headers.add(k, bytes(v)));
        headers.add("dead-letter-reason", bytes("the store was down"));
        headers.add("dead-letter-topic", bytes(original));
        headers.add("dead-letter-partition", bytes("0"));
        headers.add("dead-letter-offset", bytes("7"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.deadLetter(original), null, bytes(key), bytes(value), headers)).get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = ORIGINALS.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static Map<TopicPartition, Long> of(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every record of {@code topic} from the given offsets to its end. */
    private List<ConsumerRecord<byte[], byte[]>> readFrom(Map<TopicPartition, Long> from, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = from.keySet().stream().filter(tp -> tp.topic().equals(topic)).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.get(tp)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> r) {
        List<String> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
        }
        return new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8) + " " + headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
