package io.paperpulse.infra.reenrich;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether a consumer group has committed every record of a topic: its lag is 0 on every partition. */
final class PipelineLag implements AutoCloseable {
    /** query-service's group on {@code papers.enriched}: it commits only once the changelog has the merged revision. */
    static final String QUERY_GROUP = "query-service";

    private final Admin admin;

    PipelineLag(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(props);
    }

    /** A partition with records that the group never committed is not caught up; an empty one is. */
    boolean caughtUp(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all().get();
            return partitions.stream().allMatch(tp -> {
                OffsetAndMetadata at = committed.get(tp);
                long last = end.get(tp).offset();
                return last == 0 || at != null && at.offset() >= last;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group + " on " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
