package io.paperpulse.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.paperpulse.contracts.Topics;

/**
 * The changelog papers.merged read from its start to its current end: revisions that carry the same paper as an
 * earlier revision of it (rev and timestamps aside), each of which a gateway would stream as a second event. The same
 * revision announced twice (a redelivered write) is not one: the index applies a revision once.
 */
final class ChangelogRevisions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangelogRevisions() {
    }

    static int needlessRevisions(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Map<String, Set<Long>>> revsByContentById = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_MERGED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.PAPERS_MERGED + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        ObjectNode paper = (ObjectNode) JSON.readTree(record.value());
                        long rev = paper.remove("rev").asLong();
                        paper.remove(List.of("updatedAt", "enrichedAt"));
                        revsByContentById.computeIfAbsent(record.key(), k -> new HashMap<>())
                                .computeIfAbsent(JSON.writeValueAsString(paper), k -> new HashSet<>()).add(rev);
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an unreadable record on " + Topics.PAPERS_MERGED, e);
        }
        return revsByContentById.values().stream().flatMap(byContent -> byContent.values().stream()).mapToInt(revs -> revs.size() - 1).sum();
    }
}
