package io.paperpulse.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A paper as the read model holds it after merging every record seen for it: the value of a {@code papers.merged}
 * record, keyed by {@link #id()}. The topic is compacted, so it keeps the latest revision of every paper: what a
 * gateway replica builds its search index from.
 *
 * @param id the paper id
 * @param rev revision in the store, incremented on every change; a consumer keeps the highest it has seen
 * @param sightings every digest that listed the paper, by date then source
 * @param digestDates the distinct dates of {@code sightings}, ascending
 * @param hasCode whether a link points to a code host
 * @param updatedAt when this revision was written
 */
public record MergedPaper(
        String id,
        long rev,
        String title,
        @JsonProperty("abstract") String abstractText,
        String arxivId,
        List<Sighting> sightings,
        List<LocalDate> digestDates,
        List<String> links,
        boolean hasCode,
        List<Entity> entities,
        List<Metric> metrics,
        TextStats stats,
        int extractorVersion,
        Instant enrichedAt,
        Instant updatedAt) {

    /** The digest of {@code date} by {@code source} (null when unnamed) listed the paper at {@code position}, from 0. */
    public record Sighting(LocalDate date, String source, int position) {
    }

    public LocalDate firstSeen() {
        return digestDates.get(0);
    }

    public LocalDate lastSeen() {
        return digestDates.get(digestDates.size() - 1);
    }
}
