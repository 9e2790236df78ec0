package io.paperpulse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.paperpulse.contracts.Topics;

/**
 * Faults injected one at a time into the whole pipeline (the broker and the store as their own JVMs, the three
 * packaged services), each while a load of 20 pages (1,240 new papers) flows in over Kafka and over REST. After each,
 * every paper pushed so far must be served exactly once with exactly its digest date, no DLQ may hold a record, and
 * neither the live stream nor the changelog may repeat an unchanged paper. The table is target/fault-report.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
    private static final Duration PACE = Duration.ofMillis(300);
    /** Longer than the store driver's 30 s server-selection time-out. */
    private static final Duration STORE_OUTAGE = Duration.ofSeconds(45);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(3);

    private final Map<String, List<String>> expected = new HashMap<>();
    private final FaultReport report = new FaultReport();
    private InfrastructureProcesses infra;
    private PipelineProcesses services;
    private PipelineOffsets offsets;
    private LiveStream stream;
    private int scenarios;
    private long pages;

    /** What a scenario does once its load flows; returns when the fault ended (System.nanoTime()). */
    private interface Fault {
        long inject();
    }

    /** When a fault strikes: once ingest published the load's first page (it is still reading pages), or later. */
    private enum MidFlow {
        FIRST_PAGE_PARSED, QUARTER_SERVED
    }

    @BeforeAll
    void start() {
        infra = new InfrastructureProcesses();
        // a push killed mid-page holds its claim for this lease: shorter than the default 30 s, for a shorter suite
        services = new PipelineProcesses(infra.bootstrapServers(), infra.storeUri(), Map.of("INGEST_CLAIM_LEASE", "10s"));
        offsets = new PipelineOffsets(infra.bootstrapServers());
        stream = new LiveStream(services.gateway());
    }

    @AfterAll
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (services != null) {
            services.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    @Order(1)
    void noFault() {
        run("no fault", MidFlow.QUARTER_SERVED, PACE, System::nanoTime);
    }

    @Test
    @Order(2)
    void ingestKilled() {
        run("kill -9 ingest", MidFlow.FIRST_PAGE_PARSED, PACE, () -> killAndRestart(PipelineProcesses.INGEST));
    }

    @Test
    @Order(3)
    void enrichKilled() {
        run("kill -9 enrich", MidFlow.QUARTER_SERVED, PACE, () -> killAndRestart(PipelineProcesses.ENRICH));
    }

    @Test
    @Order(4)
    void queryKilled() {
        run("kill -9 query", MidFlow.QUARTER_SERVED, PACE, () -> killAndRestart(PipelineProcesses.QUERY), true);
    }

    @Test
    @Order(5)
    void brokerStoppedAndStarted() {
        run("broker stop, 10 s, start", MidFlow.FIRST_PAGE_PARSED, PACE,
                () -> outage(infra::stopBroker, BROKER_OUTAGE, infra::startBroker));
    }

    @Test
    @Order(6)
    void storeStoppedAndStarted() {
        run("store stop, 45 s, start", MidFlow.FIRST_PAGE_PARSED, PACE,
                () -> outage(infra::stopStore, STORE_OUTAGE, infra::startStore));
    }

    @Test
    @Order(7)
    void secondInstancesJoinAndLeave() {
        // paced slower, so that both rebalances (join, then leave) happen while pages still come in
        run("second ingest, enrich, query join and leave", MidFlow.FIRST_PAGE_PARSED, Duration.ofMillis(1500), () -> {
            Map<String, Integer> before = offsets.members();
            List<PipelineProcesses.Instance> joined = services.startAnother(
                    PipelineProcesses.INGEST, PipelineProcesses.ENRICH, PipelineProcesses.QUERY);
            offsets.awaitMoreMembersThan(before); // two partitions a topic: the rebalance shares them out
            joined.forEach(instance -> instance.process().signalTerm());
            joined.forEach(instance -> instance.process().stop());
            return System.nanoTime();
        });
    }

    /** Stops a part of the infrastructure for {@code outage}: the fault ends as it is started again. */
    private static long outage(Runnable stop, Duration outage, Runnable start) {
        stop.run();
        PipelineProcesses.sleep(outage.toMillis());
        long end = System.nanoTime();
        start.run();
        return end;
    }

    private long killAndRestart(String service) {
        services.kill(service);
        long end = System.nanoTime();
        services.restart(service);
        return end;
    }

    /** SIGTERM, not kill -9: the push in flight must complete, and nothing of it be lost. */
    @Test
    @Order(8)
    void ingestStoppedDuringARestPush() {
        FaultLoad load = new FaultLoad("fault " + (scenarios + 1), scenarios++, PACE);
        Map<String, List<String>> page = load.expected(0);
        expected.putAll(page);
        pages++;
        int duplicatesBefore = stream.duplicates();
        int connectionsBefore = stream.connections();
        JavaProcess ingest = services.process(PipelineProcesses.INGEST);

        var answer = load.pushSlowly(services.ingest(), services.ingestKey(), 0, 12, Duration.ofSeconds(3), ingest::signalTerm);
        ingest.awaitExit(60);
        long stopped = System.nanoTime();
        services.restart(PipelineProcesses.INGEST);

        assertEquals(202, answer.statusCode(), "the push in flight when ingest was told to stop: " + answer.body());
        check("SIGTERM to ingest during a REST push", page, stopped, duplicatesBefore, connectionsBefore, false,
                "the push in flight answered " + answer.statusCode());
    }

    private void run(String scenario, MidFlow when, Duration pace, Fault fault) {
        run(scenario, when, pace, fault, false);
    }

    /** {@code gatewayRestarts}: the fault restarts the gateway, so the live stream reconnects and misses papers. */
    private void run(String scenario, MidFlow when, Duration pace, Fault fault, boolean gatewayRestarts) {
        FaultLoad load = new FaultLoad("fault " + (scenarios + 1), scenarios++, pace);
        expected.putAll(load.expected());
        pages += FaultLoad.PAGES;
        int duplicatesBefore = stream.duplicates();
        int connectionsBefore = stream.connections();
        long servedBefore = expected.size() - load.expected().size();
        long parsedBefore = offsets.endOffsets(Topics.PAPERS_PARSED);
        CompletableFuture<Void> pushing = load.push(infra.bootstrapServers(), services.ingest(), services.ingestKey());

        awaitMidFlow(when, servedBefore, parsedBefore, load.expected().size(), pushing);
        String at = String.format(Locale.ROOT, "fault with %d of %d new papers parsed, %d served",
                offsets.endOffsets(Topics.PAPERS_PARSED) - parsedBefore, load.expected().size(),
                ServedPapers.total(services.gateway()) - servedBefore);
        long faultEnd = fault.inject();
        join(pushing);
        check(scenario, load.expected(), faultEnd, duplicatesBefore, connectionsBefore, gatewayRestarts,
                at + "; " + load.restRetries() + " REST retries");
    }

    /**
     * Waits until the gateway serves every paper pushed so far (the time to recover runs from {@code faultEnd}), then
     * until every stage has consumed everything and the stream announced the scenario's papers (all of them, and without
     * a reconnection, unless the gateway restarted); reports and asserts.
     */
    private void check(String scenario, Map<String, List<String>> added, long faultEnd, int duplicatesBefore, int connectionsBefore,
            boolean gatewayRestarts, String notes) {
        ServedPapers served = awaitAllServed();
        double recovery = Math.max(0, (System.nanoTime() - faultEnd) / 1e9);
        offsets.awaitDrained();
        boolean reconnected = stream.connections() != connectionsBefore;
        if (!reconnected) {
            awaitAnnounced(added.keySet());
        }
        long streamed = stream.duplicates() - duplicatesBefore;
        long revisions = ChangelogRevisions.needlessRevisions(infra.bootstrapServers());
        long duplicated = streamed + revisions + served.repeatedTitles();
        long deadLettered = offsets.deadLetters();
        StoreRecords store = StoreRecords.read(infra.storeUri());
        long found = served.found(expected);
        report.add(new FaultReport.Row(scenario, expected.size(), found, expected.size() - found, duplicated, deadLettered, recovery,
                notes + (reconnected ? "; stream reconnected" : "") + (duplicated == 0 ? "" : String.format(Locale.ROOT,
                        "; duplicates: %d streamed, %d revisions, %d listed", streamed, revisions, served.repeatedTitles()))));

        assertEquals(expected.size(), found, "papers served with exactly their digest dates");
        assertEquals(0, served.unexpected(expected), "papers served that nobody pushed");
        assertEquals(0, duplicated, "second events, revisions or listings of an unchanged paper");
        assertEquals(0, deadLettered, "dead letters");
        assertFalse(reconnected && !gatewayRestarts, "the live stream was disconnected while the gateway kept running");
        assertEquals(new StoreRecords(expected.size(), pages, 0), store, "the store: every paper, every page accepted, no claim left");
    }

    /** Returns once the load is as far as {@code when} says (the load's pages still coming in for the first). */
    private void awaitMidFlow(MidFlow when, long servedBefore, long parsedBefore, long papers, CompletableFuture<Void> pushing) {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        while (!pushing.isCompletedExceptionally()) {
            boolean reached = when == MidFlow.FIRST_PAGE_PARSED
                    ? offsets.endOffsets(Topics.PAPERS_PARSED) - parsedBefore >= papers / FaultLoad.PAGES
                    : ServedPapers.total(services.gateway()) - servedBefore >= papers / 4;
            if (reached) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the load did not reach " + when + " within " + RECOVERY_DEADLINE);
            }
            PipelineProcesses.sleep(100);
        }
    }

    /** The gateway's papers once it serves exactly the expected ones, or as they are at the deadline. */
    private ServedPapers awaitAllServed() {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        while (true) {
            boolean last = System.nanoTime() > deadline;
            if (ServedPapers.total(services.gateway()) >= expected.size() || last) {
                ServedPapers served = ServedPapers.read(services.gateway());
                if (served.found(expected) == expected.size() || last) {
                    return served;
                }
            }
            PipelineProcesses.sleep(250);
        }
    }

    private void awaitAnnounced(Set<String> titles) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!titles.stream().allMatch(stream::announced)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live stream did not announce every new paper within 60 s");
            }
            PipelineProcesses.sleep(200);
        }
    }

    private static void join(CompletableFuture<Void> pushing) {
        try {
            pushing.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the load was not pushed", e);
        }
    }
}
