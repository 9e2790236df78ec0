package io.paperpulse.query.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.InvalidEventException;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.stream.PaperChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Follows the changelog {@code papers.merged} into this replica's index: every partition, with no consumer group,
 * from the position committed with the index (the start for an empty index). Each poll is applied, made visible to
 * searches and handed to the live stream; the index and its position are committed together every
 * {@code commit-interval}. Not ready until it has caught up with the changelog's end as it was at start; what it reads
 * before that end is never handed to the stream.
 */
@Readiness
@ApplicationScoped
public class ChangelogFollower implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ChangelogFollower.class);
    private static final String NAME = "search index";
    private static final int CATCH_UP_REFRESH_FACTOR = 20;

    @Inject
    PaperIndex index;

    @Inject
    PaperChanges changes;

    @Inject
    QueryConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile String state = "starting";
    private volatile long applied;
    /** The changelog's end when this process started following it: the revisions before it are not streamed. */
    private Map<TopicPartition, Long> streamFrom;
    /** Papers raised in the index and not yet refreshed, to stream: kept across a failure of the follower. */
    private List<MergedPaper> unseen = new ArrayList<>();
    private Thread thread;
    private KafkaConsumer<String, String> consumer;

    void start(@Observes StartupEvent start) {
        thread = new Thread(this::run, "changelog-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(caughtUp).withData("state", state).withData("papers applied", applied).build();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerSettings())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                state = "failed: " + e;
                LOG.errorf(e, "following %s failed; starting over from the last commit", Topics.PAPERS_MERGED);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> c) throws Exception {
        String origin = origin();
        Map<Integer, Long> committed = index.committedPosition(origin);
        if (committed.isEmpty()) {
            index.clear();
        }
        List<TopicPartition> partitions = partitions(c);
        c.assign(partitions);
        for (TopicPartition p : partitions) {
            Long next = committed.get(p.partition());
            if (next == null) {
                c.seekToBeginning(List.of(p));
            } else {
                c.seek(p, next);
            }
        }
        Map<TopicPartition, Long> target = c.endOffsets(partitions);
        if (streamFrom == null) {
            streamFrom = target; // once per process: a follower starting over after a failure streams what it missed
        }
        long started = System.nanoTime();
        long lastCommit = System.nanoTime();
        long lastRefresh = System.nanoTime();
        boolean dirty = false;
        long stretch = 1;
        // papers raised before a failure stay in the writer, and a replay does not raise them again: refresh them now
        boolean unrefreshed = !unseen.isEmpty(); // papers raised in the index that searches do not see yet
        state = committed.isEmpty() ? "rebuilding from the changelog's start" : "catching up from the last commit";
        LOG.infof("search index: %s of %s", state, Topics.PAPERS_MERGED);
        while (running) {
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(100));
            if (!records.isEmpty()) {
                // the stream is "from now on": after a crash, the revisions since the last commit were announced already
                List<ConsumerRecord<String, String>> before = new ArrayList<>();
                List<ConsumerRecord<String, String>> live = new ArrayList<>();
                records.forEach(r -> (beforeStart(r) ? before : live).add(r));
                unrefreshed |= !index.apply(changes(before)).isEmpty();
                List<MergedPaper> raised = index.apply(changes(live));
                unseen.addAll(raised);
                unrefreshed |= !raised.isEmpty();
                applied += records.count();
                dirty = true;
            }
            // a refresh writes a segment, and each segment costs merges and revision look-ups later: when idle it
            // comes at once; under a steady stream (a backfill) each refresh-interval, stretched twofold per refresh
            // up to the catch-up interval (while catching up no search waits for it); a quiet poll resets the stretch
            long interval = config.index().refreshInterval().toNanos() * (caughtUp ? stretch : CATCH_UP_REFRESH_FACTOR);
            boolean due = System.nanoTime() - lastRefresh > interval;
            if (unrefreshed && (records.isEmpty() || due)) {
                index.refresh();
                lastRefresh = System.nanoTime();
                stretch = records.isEmpty() ? 1 : Math.min(2 * stretch, CATCH_UP_REFRESH_FACTOR);
                changes.publish(unseen);
                unseen = new ArrayList<>();
                unrefreshed = false;
            }
            if (!caughtUp && !unrefreshed && target.entrySet().stream().allMatch(t -> c.position(t.getKey()) >= t.getValue())) {
                caughtUp = true;
                state = "following";
                LOG.infof("search index caught up with %s in %d ms", Topics.PAPERS_MERGED,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            if (dirty && System.nanoTime() - lastCommit > config.index().commitInterval().toNanos()) {
                index.commit(position(c, partitions), origin);
                lastCommit = System.nanoTime();
                dirty = false;
            }
        }
        if (dirty) {
            index.commit(position(c, partitions), origin);
        }
    }

    /** Whether a record was on the changelog before this process started following it. */
    private boolean beforeStart(ConsumerRecord<String, String> record) {
        return record.offset() < streamFrom.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
    }

    private static List<PaperIndex.Change> changes(List<ConsumerRecord<String, String>> records) {
        List<PaperIndex.Change> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> r : records) {
            try {
                changes.add(new PaperIndex.Change(EventJson.read(r.value(), MergedPaper.class), r.value()));
            } catch (InvalidEventException e) {
                // written by query-service itself: only a tombstone or a foreign writer gets here
                LOG.warnf("skipping %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        return changes;
    }

    private static Map<Integer, Long> position(KafkaConsumer<String, String> c, List<TopicPartition> partitions) {
        Map<Integer, Long> position = new HashMap<>();
        partitions.forEach(p -> position.put(p.partition(), c.position(p)));
        return position;
    }

    /** The partitions of the changelog, waiting for the topic to exist. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(Topics.PAPERS_MERGED, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            state = "waiting for the topic " + Topics.PAPERS_MERGED;
            pause(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    /** The cluster and topic ids: an index built from another changelog (a recreated topic, a new local broker) is rebuilt. */
    private String origin() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.get("bootstrap.servers")))) {
            String cluster = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            String topic = admin.describeTopics(Set.of(Topics.PAPERS_MERGED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.PAPERS_MERGED).topicId().toString();
            return cluster + "/" + topic;
        }
    }

    private Properties consumerSettings() {
        Properties props = new Properties();
        kafka.forEach((k, v) -> {
            if (!k.startsWith("health")) {
                props.put(k, v);
            }
        });
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.index().maxPollRecords());
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-index");
        return props;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
