package io.paperpulse.e2e;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import io.paperpulse.contracts.Topics;

/** What the broker says of the pipeline's progress: end offsets of a topic, and whether a group has read them all. */
final class PipelineOffsets {
    private final String bootstrapServers;

    PipelineOffsets(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    long endOffsets(String topic) {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records in every dead-letter topic ({@code *.dlq}), from their end offsets. */
    long deadLetters() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get().stream().filter(t -> t.endsWith(Topics.DLQ_SUFFIX)).mapToLong(this::endOffsets).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every stage's group (ingest, enrich of any extractor version, the gateway's writer) read its topic. */
    void awaitDrained() {
        awaitConsumed("ingest-service", Topics.DIGESTS_RAW);
        try (Admin admin = admin()) {
            for (var group : admin.listGroups().all().get()) {
                if (group.groupId().startsWith("enrich-")) {
                    awaitConsumed(group.groupId(), Topics.PAPERS_PARSED);
                }
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        awaitConsumed("query-service", Topics.PAPERS_ENRICHED);
    }

    /** The number of members of every stage's group now (ingest, enrich-v*, query). */
    Map<String, Integer> members() {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(stageGroups(admin)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().members().size()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every stage's group has more members than {@code before} and has settled with every member holding
     * partitions or not (a service may run several consumers, so not each new member gets one): a rebalance is done.
     */
    void awaitMoreMembersThan(Map<String, Integer> before) {
        long deadline = System.currentTimeMillis() + 90_000;
        try (Admin admin = admin()) {
            while (true) {
                var groups = admin.describeConsumerGroups(stageGroups(admin)).all().get();
                boolean done = groups.size() == before.size() && groups.entrySet().stream().allMatch(g ->
                        g.getValue().members().size() > before.getOrDefault(g.getKey(), Integer.MAX_VALUE)
                                && g.getValue().groupState() == GroupState.STABLE
                                && g.getValue().members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count() >= 2);
                if (done) {
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the groups " + before.keySet() + " did not grow past " + before + " within 90 s");
                }
                PipelineProcesses.sleep(250);
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> stageGroups(Admin admin) throws InterruptedException, ExecutionException {
        return admin.listGroups().all().get().stream().map(g -> g.groupId())
                .filter(g -> g.equals("ingest-service") || g.startsWith("enrich-") || g.equals("query-service")).toList();
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
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
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
