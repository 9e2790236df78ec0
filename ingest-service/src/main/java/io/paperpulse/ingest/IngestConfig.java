package io.paperpulse.ingest;

import io.smallrye.config.ConfigMapping;

/** Settings of ingest-service, from application.properties (each with its environment variable). */
@ConfigMapping(prefix = "paperpulse.ingest")
public interface IngestConfig {

    /** The bearer key every write of the REST API must carry ({@code PAPERPULSE_INGEST_KEY}). */
    String key();

    /**
     * The largest page accepted, in bytes, on REST and Kafka alike ({@code INGEST_MAX_BODY_BYTES}, default 5 MiB). Keep it
     * under 15 MiB: the raw page is stored in one MongoDB document, which holds 16 MiB.
     */
    int maxBodyBytes();
}
