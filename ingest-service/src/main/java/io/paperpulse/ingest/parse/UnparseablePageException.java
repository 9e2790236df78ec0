package io.paperpulse.ingest.parse;

/** A page that cannot be read as a digest; the message says why, for the user or the dead letter. */
public class UnparseablePageException extends RuntimeException {
    public UnparseablePageException(String message) {
        super(message);
    }
}
