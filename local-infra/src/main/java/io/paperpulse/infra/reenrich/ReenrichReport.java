package io.paperpulse.infra.reenrich;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import io.paperpulse.contracts.Topics;
import io.paperpulse.infra.LocalInfrastructure;

/**
 * {@code paperpulse reenrich}'s report of what a new extractor version changed over the stored papers.
 * <ul>
 * <li>{@code snapshot FILE}, before enrich-service restarts: the latest revision of every paper on
 * {@code papers.merged}, its names kept in {@code FILE}.</li>
 * <li>{@code report FILE --version N --enrich-group G [--wait SECONDS]}: waits until every paper of the snapshot has
 * version {@code N} on the changelog (when the version rose), or until nothing is left to come (group {@code G} has read all of
 * {@code papers.parsed} and query-service all of {@code papers.enriched}), or {@code --wait} ran out; then prints the
 * names added and removed per type, with examples, and how many papers changed or are still pending.</li>
 * </ul>
 * Neither commits an offset or writes to Kafka: a report can be printed again from the same snapshot, to the same
 * result once re-enrichment is over.
 */
public final class ReenrichReport {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final String USAGE = "usage: ReenrichReport snapshot FILE | report FILE --version N --enrich-group GROUP [--wait SECONDS]";

    private ReenrichReport() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrapServers = LocalInfrastructure.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        if (args.length == 2 && args[0].equals("snapshot")) {
            int papers = snapshot(bootstrapServers, Path.of(args[1]));
            System.out.printf("snapshot of %d stored paper(s) in %s%n", papers, args[1]);
            return;
        }
        if (args.length < 2 || !args[0].equals("report")) {
            usage();
        }
        Integer version = null;
        String enrichGroup = null;
        Duration wait = Duration.ZERO;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--version" -> version = Integer.valueOf(args[i + 1]);
                case "--enrich-group" -> enrichGroup = args[i + 1];
                case "--wait" -> wait = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                default -> usage();
            }
        }
        if (version == null || enrichGroup == null || args.length % 2 != 0) {
            usage();
        }
        Report report = report(bootstrapServers, SnapshotFile.read(Path.of(args[1])), version, enrichGroup, wait, System.err::println);
        report.lines().forEach(System.out::println);
    }

    /** Keeps the names of every stored paper's latest revision in {@code file}; returns how many papers. */
    public static int snapshot(String bootstrapServers, Path file) {
        try (MergedChangelog changelog = new MergedChangelog(bootstrapServers)) {
            Map<String, PaperNames> papers = changelog.readToEnd();
            SnapshotFile.write(file, papers.values());
            return papers.size();
        }
    }

    /**
     * Compares {@code before} with the changelog once every paper of it has risen to {@code version}, or once the pipeline has
     * nothing left to deliver, or when {@code wait} is over (at once for zero); {@code progress} hears of the wait.
     */
    public static Report report(String bootstrapServers, Map<String, PaperNames> before, int version, String enrichGroup,
            Duration wait, Consumer<String> progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        // a replay at the same version (--force) stores only what differs: no version to watch, only the pipeline's lag
        boolean versionRises = before.values().stream().anyMatch(p -> p.extractorVersion() < version);
        try (MergedChangelog changelog = new MergedChangelog(bootstrapServers); PipelineLag lag = new PipelineLag(bootstrapServers)) {
            while (true) {
                // in the order records flow: whatever enrich committed, query-service has merged once its lag is 0 too
                boolean drained = lag.caughtUp(enrichGroup, Topics.PAPERS_PARSED) && lag.caughtUp(PipelineLag.QUERY_GROUP, Topics.PAPERS_ENRICHED);
                Report report = ReenrichDiff.compare(before, changelog.readToEnd(), version);
                Instant now = Instant.now();
                if (versionRises && report.pending() == 0 || drained || !now.isBefore(deadline)) {
                    return report;
                }
                if (!now.isBefore(nextProgress)) {
                    progress.accept(String.format("waiting: %d of %d paper(s) re-enriched with version %d", report.reenriched(),
                            report.compared(), version));
                    nextProgress = now.plus(PROGRESS_EVERY);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
