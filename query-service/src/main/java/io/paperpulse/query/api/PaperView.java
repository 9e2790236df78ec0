package io.paperpulse.query.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.paperpulse.query.store.PaperDocument;

/** A paper as the gateway serves it. */
public record PaperView(
        String id,
        String title,
        @JsonProperty("abstract") String abstractText,
        String arxivId,
        List<String> digestDates,
        List<DigestListingView> digests,
        String firstSeen,
        String lastSeen,
        List<String> links,
        boolean hasCode,
        List<EntityView> entities,
        List<MetricView> metrics,
        TextStatsView stats,
        int extractorVersion,
        Instant updatedAt) {

    /** Where the paper was listed: the digest of {@code date} by {@code source}, at {@code position} (from 0). */
    public record DigestListingView(String date, String source, int position) {
    }

    public record EntityView(String type, String text, String field, int start, int end) {
    }

    public record MetricView(String kind, String text, Double value, int start, int end) {
    }

    public record TextStatsView(int words, int sentences, double readingMinutes) {
    }

    static PaperView of(PaperDocument d) {
        return new PaperView(d.id, d.title, d.abstractText, d.arxivId,
                d.digestDates == null ? List.of() : d.digestDates,
                d.sightings == null ? List.of() : d.sightings.stream()
                        .map(s -> new DigestListingView(s.date(), s.source(), s.position())).toList(),
                d.firstSeen, d.lastSeen,
                d.links == null ? List.of() : d.links,
                d.hasCode,
                d.entities == null ? List.of() : d.entities.stream()
                        .map(e -> new EntityView(e.type(), e.text(), e.field(), e.start(), e.end())).toList(),
                d.metrics == null ? List.of() : d.metrics.stream()
                        .map(m -> new MetricView(m.kind(), m.text(), m.value(), m.start(), m.end())).toList(),
                d.stats == null ? null : new TextStatsView(d.stats.words(), d.stats.sentences(), d.stats.readingMinutes()),
                d.extractorVersion,
                d.updatedAt == null ? null : d.updatedAt.toInstant());
    }
}
