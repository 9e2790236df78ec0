package io.paperpulse.enrich.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Settings of enrich-service, from application.properties (each with its environment variable). */
@ConfigMapping(prefix = "paperpulse.enrich")
public interface EnrichConfig {

    /**
     * The longest a record's extraction may take ({@code ENRICH_TIME_LIMIT}); a record over it goes to
     * {@code papers.parsed.dlq} with that reason, and consumption goes on.
     */
    Duration timeLimit();

    /**
     * Threads that run extraction, off the event loop ({@code ENRICH_EXTRACTION_THREADS}). A record over its time
     * limit keeps its thread until its extraction ends; with every thread so held, records wait rather than fail.
     */
    int extractionThreads();

    /**
     * The first wait before an enriched paper is sent again after Kafka failed it ({@code ENRICH_RETRY_BACKOFF});
     * each further wait doubles, up to {@link #retryMaxBackoff()}.
     */
    Duration retryBackoff();

    /** The longest wait between two tries of a send ({@code ENRICH_RETRY_MAX_BACKOFF}). */
    Duration retryMaxBackoff();
}
