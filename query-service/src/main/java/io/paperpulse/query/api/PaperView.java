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
        String firstSeen,
        String lastSeen,
        List<String> links,
        List<EntityView> entities,
        List<MetricView> metrics,
        StatsView stats,
        int extractorVersion,
        Instant updatedAt) {

    public record EntityView(String type, String text, String field, int start, int end) {
    }

    public record MetricView(String kind, String text, Double value, int start, int end) {
    }

    public record StatsView(int words, int sentences, double readingMinutes) {
    }

    static PaperView of(PaperDocument d) {
        return new PaperView(d.id, d.title, d.abstractText, d.arxivId,
                d.digestDates == null ? List.of() : d.digestDates.stream().sorted().toList(),
                d.firstSeen, d.lastSeen,
                d.links == null ? List.of() : d.links,
                d.entities == null ? List.of() : d.entities.stream()
                        .map(e -> new EntityView(e.type, e.text, e.field, e.start, e.end)).toList(),
                d.metrics == null ? List.of() : d.metrics.stream()
                        .map(m -> new MetricView(m.kind, m.text, m.value, m.start, m.end)).toList(),
                d.stats == null ? null : new StatsView(d.stats.words, d.stats.sentences, d.stats.readingMinutes),
                d.extractorVersion,
                d.updatedAt == null ? null : d.updatedAt.toInstant());
    }
}
