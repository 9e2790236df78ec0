package io.paperpulse.e2e;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the broker says of the pipeline's progress: end offsets of a topic, and whether a group has read them all. */
final class PipelineOffsets {
    private final String bootstrapServers;

    PipelineOffsets(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    long endOffsets(String topic) {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until {@code group} has committed the end of every partition of {@code topic}. */
    void awaitConsumed(String group, String topic) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Map<TopicPartition, Long> ends = ends(topic);
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            boolean done = ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            if (done) {
                return;
            }
            PipelineProcesses.sleep(250);
        }
        throw new IllegalStateException(group + " did not consume " + topic + " within 60 s");
    }

    private Map<TopicPartition, Long> ends(String topic) {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
