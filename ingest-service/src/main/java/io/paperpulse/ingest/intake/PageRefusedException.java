package io.paperpulse.ingest.intake;

import io.paperpulse.ingest.parse.RejectedPageException;

/**
 * A page refused for what it is or what came with it, never for an outage: retrying it cannot help. Carries the page's
 * digest id so that a refusal can be recorded without hashing the bytes again; {@code null} for a page over the size
 * limit, which is neither hashed nor kept. The message is the reason's, as the user or the dead letter sees it.
 */
public class PageRefusedException extends RuntimeException {
    private final RejectedPageException reason;
    private final String digestId;

    public PageRefusedException(String digestId, RejectedPageException reason) {
        super(reason.getMessage(), null, false, false); // the reason is all there is to say: no cause, no stack
        this.reason = reason;
        this.digestId = digestId;
    }

    public RejectedPageException reason() {
        return reason;
    }

    public String digestId() {
        return digestId;
    }
}
