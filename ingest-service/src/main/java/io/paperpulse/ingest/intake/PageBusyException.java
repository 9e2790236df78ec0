package io.paperpulse.ingest.intake;

/**
 * The page's bytes are claimed by another push that is still at work (it keeps renewing its lease) and has not
 * published all of the page's papers yet: nothing can be answered for the page now. Trying again later can: by then
 * the other push has finished, or its lease lapsed and the next try takes the page over.
 */
public class PageBusyException extends RuntimeException {
    private final String digestId;

    PageBusyException(String digestId) {
        super("digest " + digestId + " is being ingested by another push", null, false, false);
        this.digestId = digestId;
    }

    public String digestId() {
        return digestId;
    }
}
