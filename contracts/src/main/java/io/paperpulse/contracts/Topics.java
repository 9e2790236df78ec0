package io.paperpulse.contracts;

/** Kafka topic names shared by every service; each consumed topic has a {@code .dlq} twin. */
public final class Topics {
    public static final String DIGESTS_RAW = "digests.raw";
    public static final String PAPERS_PARSED = "papers.parsed";
    public static final String PAPERS_ENRICHED = "papers.enriched";
    /** Compacted changelog of the read model: the latest merged revision of every paper (query-service writes it). */
    public static final String PAPERS_MERGED = "papers.merged";
    public static final String DLQ_SUFFIX = ".dlq";

    /** Optional header on {@link #DIGESTS_RAW}: the ISO date of the digest, used when the page omits the year. */
    public static final String HEADER_DIGEST_DATE = "digest-date";
    /** Optional header on {@link #DIGESTS_RAW}: who published the page. */
    public static final String HEADER_SOURCE = "source";
    /** Optional header on {@link #DIGESTS_RAW}: the page's media type, when the content alone does not say it. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
