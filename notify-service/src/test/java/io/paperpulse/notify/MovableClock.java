package io.paperpulse.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

/** The service's clock in tests: the system's, moved forward by what a test asks, to reach a daily hour or the end of retries. */
@Singleton
public class MovableClock extends Clock {
    private final AtomicLong aheadMillis = new AtomicLong();

    public void advance(Duration by) {
        aheadMillis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(aheadMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }
}
