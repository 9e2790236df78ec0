package io.paperpulse.infra;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.paperpulse.contracts.Topics;

/** Creates the PaperPulse topics up front, so no client waits on auto-creation. */
public final class TopicSetup {
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    /** A raw page is one record: room for the largest page ingest-service accepts. */
    public static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;
    private static final Map<String, String> LARGE_PAGES = Map.of("max.message.bytes", String.valueOf(MAX_PAGE_BYTES));

    /** Every topic of the pipeline with its settings; the keyed paper topics are compacted so they hold every paper. */
    public static final List<NewTopic> ALL = List.of(
            topic(Topics.DIGESTS_RAW, LARGE_PAGES),
            topic(Topics.deadLetter(Topics.DIGESTS_RAW), LARGE_PAGES),
            topic(Topics.PAPERS_PARSED, COMPACTED),
            topic(Topics.deadLetter(Topics.PAPERS_PARSED), Map.of()),
            topic(Topics.PAPERS_ENRICHED, COMPACTED),
            topic(Topics.deadLetter(Topics.PAPERS_ENRICHED), Map.of()),
            topic(Topics.PAPERS_MERGED, COMPACTED));

    private TopicSetup() {
    }

    private static NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, 2, (short) 1).configs(configs);
    }

    public static void createMissing(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = ALL.stream().filter(t -> !existing.contains(t.name())).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics", e.getCause());
        }
    }
}
