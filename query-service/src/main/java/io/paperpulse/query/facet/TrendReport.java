package io.paperpulse.query.facet;

import java.time.LocalDate;
import java.util.List;

/**
 * Entities that rose most: the recent window is the last {@code days} calendar days ending on the latest digest
 * (not today, so a quiet week does not empty the report), the previous window the {@code days} before it. The dates
 * are null when there is no digest yet.
 */
public record TrendReport(int days, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
        List<Trend> items) {
}
