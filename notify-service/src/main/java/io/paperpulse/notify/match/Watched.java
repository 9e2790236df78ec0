package io.paperpulse.notify.match;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.paperpulse.search.PaperFilter;

/**
 * A subscription as matching sees it: its id, the filter its papers must pass, and when a paper matched now is due.
 *
 * @param dailyHour the UTC hour of its daily message, or null for instant delivery
 */
public record Watched(String id, PaperFilter filter, Integer dailyHour) {

    /** Now for instant delivery; else the next time the clock strikes its hour (UTC), so that the day's papers go together. */
    public Instant dueAt(Instant now) {
        if (dailyHour == null) {
            return now;
        }
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(dailyHour, 0).toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }
}
