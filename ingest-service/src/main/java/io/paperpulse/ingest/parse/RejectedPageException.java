package io.paperpulse.ingest.parse;

/**
 * A page ingest-service refuses. The message says why, in words fit for the user (REST) or the dead letter (Kafka);
 * the kind says which HTTP status answers it.
 */
public class RejectedPageException extends RuntimeException {

    /** Why a page was refused. */
    public enum Kind {
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** A declared media type or charset ingest-service does not read. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Not valid UTF-8, or a date hint that is not an ISO date. */
        MALFORMED,
        /** Readable, but no paper can be found in it. */
        NO_PAPERS,
        /** A paper too large to publish as one record: the page is refused whole. */
        PAPER_TOO_LARGE
    }

    private final Kind kind;

    public RejectedPageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static RejectedPageException tooLarge(long bytes, long limit) {
        return new RejectedPageException(Kind.TOO_LARGE, "the page is " + bytes + " bytes, over the limit of " + limit + " bytes");
    }

    public Kind kind() {
        return kind;
    }
}
