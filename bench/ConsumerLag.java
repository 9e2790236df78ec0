import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Every two seconds until killed, per consumer group: records committed so far and records behind the end of its
 * topics. Run beside a backfill, it shows which stage holds the pipeline back.
 * Usage: java -cp "local-infra/target/local-infra-*.jar:local-infra/target/lib/*" bench/ConsumerLag.java BOOTSTRAP
 */
public class ConsumerLag {
    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            long start = System.currentTimeMillis();
            while (true) {
                StringBuilder line = new StringBuilder(String.format("%6.1fs", (System.currentTimeMillis() - start) / 1000.0));
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata().get();
                    var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(t -> t, t -> OffsetSpec.latest())))
                            .all().get();
                    long done = 0;
                    long behind = 0;
                    for (var e : committed.entrySet()) {
                        if (e.getValue() != null) {
                            done += e.getValue().offset();
                            behind += ends.get(e.getKey()).offset() - e.getValue().offset();
                        }
                    }
                    line.append(String.format("  %s committed=%d behind=%d", group.groupId(), done, behind));
                }
                System.out.println(line);
                Thread.sleep(2000);
            }
        }
    }
}
