package io.paperpulse.ingest.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;

/** Settings of ingest-service, from application.properties (each with its environment variable). */
@ConfigMapping(prefix = "paperpulse.ingest")
public interface IngestConfig {

    /** The bearer key every write of the REST API must carry ({@code PAPERPULSE_INGEST_KEY}). */
    String key();

    /**
     * The largest page accepted, in bytes, on REST and Kafka alike ({@code INGEST_MAX_BODY_BYTES}, default 5 MiB); the
     * service does not start with a value outside 1 .. 15 MiB (see {@link BodyLimit}).
     */
    @WithConverter(BodyLimit.class)
    int maxBodyBytes();

    /**
     * How long a claim on a page holds it against other pushes without being renewed ({@code INGEST_CLAIM_LEASE}).
     * The push that holds it renews it every third of that while it works, so only a push that is gone (killed, out of
     * memory, cut off) lets it lapse; a redelivery or retry of the page then takes it over within this time.
     */
    Duration claimLease();

    /**
     * The first wait before a page from Kafka is tried again after MongoDB or Kafka failed it
     * ({@code INGEST_RETRY_BACKOFF}); each further wait doubles, up to {@link #retryMaxBackoff()}.
     */
    Duration retryBackoff();

    /** The longest wait between two tries of a page from Kafka ({@code INGEST_RETRY_MAX_BACKOFF}). */
    Duration retryMaxBackoff();
}
