package io.paperpulse.infra.supervision;

import java.time.Duration;

/**
 * How long to wait before starting a component that died again: {@code first}, doubling on each death up to
 * {@code max}, and back to {@code first} once a run lasted {@code stableAfter}, so a component that crashes once a
 * day comes back at once while one that cannot start does not spin.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private final Duration stableAfter;
    private Duration next;

    public Backoff(Duration first, Duration max, Duration stableAfter) {
        this.first = first;
        this.max = max;
        this.stableAfter = stableAfter;
        this.next = first;
    }

    /** The local platform's: 1 s doubling to 30 s, reset after a minute up. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    /** The wait after a run that lasted {@code uptime}. */
    public Duration after(Duration uptime) {
        if (uptime.compareTo(stableAfter) >= 0) {
            next = first;
        }
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait;
    }

    /** After a restart someone asked for: the next death is a first one again. */
    public void reset() {
        next = first;
    }

    Backoff copy() {
        return new Backoff(first, max, stableAfter);
    }
}
