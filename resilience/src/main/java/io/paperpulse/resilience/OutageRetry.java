package io.paperpulse.resilience;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Tries a record's work again, waiting longer each time, for as long as it fails for an outage (a store or broker that
 * failed or did not answer): such a failure says nothing about the record, so it never goes to a dead-letter topic.
 * The record stays unacknowledged meanwhile and the next one waits behind it, which pauses consumption; readiness is
 * down until it goes through. Any other failure is the record's own and is passed on, for the dead-letter topic.
 */
public final class OutageRetry {
    private static final Logger LOG = Logger.getLogger(OutageRetry.class);
    /** How deep to look for an outage among the causes of a failure. */
    private static final int CAUSE_DEPTH = 8;

    private final List<Class<? extends Throwable>> outages;
    private final OutageReadiness readiness;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    /**
     * @param outages the failure types (and their subtypes, anywhere among the causes) that are outages
     * @param firstBackoff the first wait; each further wait doubles, up to {@code maxBackoff}
     */
    public OutageRetry(List<Class<? extends Throwable>> outages, OutageReadiness readiness, Duration firstBackoff, Duration maxBackoff) {
        this.outages = List.copyOf(outages);
        this.readiness = readiness;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** {@code work} (subscribed again for each try) until it no longer fails for an outage; {@code what} names the record in logs. */
    public <T> Uni<T> untilThrough(Uni<T> work, String what) {
        return work
                .onFailure(this::isOutage).invoke(failure -> {
                    LOG.warnf("%s failed for an outage, trying again: %s", what, failure);
                    readiness.failing(failure);
                })
                .onFailure(this::isOutage).retry().withBackOff(firstBackoff, maxBackoff).indefinitely()
                .onTermination().invoke(readiness::recovered);
    }

    public boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> outage : outages) {
                if (outage.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
