package io.paperpulse.enrich.messaging;

import java.time.Duration;

/** A record whose extraction went over its time limit: trying again would take as long, so it is dead-lettered. */
public class ExtractionTooSlowException extends RuntimeException {

    ExtractionTooSlowException(Duration limit) {
        super("extraction took longer than " + limit.toMillis() + " ms (paperpulse.enrich.time-limit)", null, false, false);
    }
}
