package io.paperpulse.enrich.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.enrich.extract.Extraction;
import io.paperpulse.enrich.extract.PaperExtractor;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reads and enriches one parsed record on a pool of its own, never on the event loop, within the time limit. The
 * limit counts from when a thread starts the record, so a record waiting behind slow ones is not charged for them.
 * <p>
 * The output is a function of the input record alone: {@code enrichedAt} is the parsed record's own timestamp (when
 * ingest-service published it), not the time of processing. So a redelivered record (a restart before its commit, a
 * rebalance) is enriched into the very same bytes, which downstream recognises as nothing new; a paper published
 * again later gets a later time, and a new extractor version a higher {@code extractorVersion}.
 */
@Startup // the gazetteer is compiled at start, not on the event loop when the first record comes
@ApplicationScoped
public class TimedExtraction {
    private PaperExtractor extractor;

    @Inject
    EnrichConfig config;

    private ExecutorService pool;
    /** Times the records on a thread of its own, so that a busy worker pool never delays a record's limit. */
    private ScheduledExecutorService timer;

    @PostConstruct
    void start() {
        extractor = new PaperExtractor();
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.extractionThreads(), work -> daemon(work, "extraction-" + threads.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "extraction-timer"));
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Fails with {@link ExtractionTooSlowException} past the limit, or with the reason the record is not a paper. */
    public Uni<EnrichedPaper> enrich(String json, Instant parsedAt) {
        Duration limit = config.timeLimit();
        return Uni.createFrom().item(() -> enriched(json, parsedAt))
                .ifNoItem().after(limit).on(timer).failWith(() -> new ExtractionTooSlowException(limit))
                .runSubscriptionOn(pool); // the limit's timer starts where the work does: on the pool's thread
    }

    private EnrichedPaper enriched(String json, Instant parsedAt) {
        ParsedPaper paper = EventJson.read(json, ParsedPaper.class);
        Extraction found = extract(paper);
        return new EnrichedPaper(paper, PaperExtractor.VERSION, found.entities(), found.links(), found.metrics(), found.stats(), parsedAt);
    }

    /** The extraction proper; a test may stand in for it to craft a slow record. */
    protected Extraction extract(ParsedPaper paper) {
        return extractor.extract(paper.title(), paper.abstractText());
    }

    /** Lets extractions under way finish (each within its limit) before the application stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(config.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        timer.shutdownNow();
    }
}
