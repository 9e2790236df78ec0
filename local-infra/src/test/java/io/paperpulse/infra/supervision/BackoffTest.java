package io.paperpulse.infra.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration CRASH_AT_START = Duration.ofMillis(300);

    @Test
    void doublesFromOneSecondUpToThirtyWhileTheComponentKeepsDying() {
        Backoff backoff = Backoff.standard();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                Stream.generate(() -> backoff.after(CRASH_AT_START).toSeconds()).limit(7).toList());
    }

    @Test
    void aRunThatLastedAMinuteStartsOverFromOneSecond() {
        Backoff backoff = Backoff.standard();
        backoff.after(CRASH_AT_START);
        backoff.after(CRASH_AT_START);
        assertEquals(Duration.ofSeconds(4), backoff.after(Duration.ofSeconds(59)));
        assertEquals(Duration.ofSeconds(1), backoff.after(Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(2), backoff.after(CRASH_AT_START));
    }

    @Test
    void aRequestedRestartStartsOverFromOneSecond() {
        Backoff backoff = Backoff.standard();
        backoff.after(CRASH_AT_START);
        backoff.after(CRASH_AT_START);
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.after(CRASH_AT_START));
    }
}
