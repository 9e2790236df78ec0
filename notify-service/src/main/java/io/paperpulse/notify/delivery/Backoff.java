package io.paperpulse.notify.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before try {@code n + 1} of a delivery: {@code first} doubled per try, at most {@code max}, with "equal
 * jitter" (a random half of it), so that many deliveries failing together (an endpoint's outage) do not come back
 * together.
 */
record Backoff(Duration first, Duration max) {

    Duration after(int tries) {
        long cap = max.toMillis();
        long base = first.toMillis() << Math.min(Math.max(tries - 1, 0), 30);
        long wait = Math.min(cap, base <= 0 ? cap : base);
        return Duration.ofMillis(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
    }
}
