package io.paperpulse.query.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.search.PaperSearch;

/**
 * A paper as the gateway serves it.
 *
 * @param highlights in a search with {@code q}: per field (title, entities, abstract) the matched snippets, matches
 *        in {@code <mark>}, the rest HTML-escaped; absent otherwise
 */
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
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> highlights) {

    /** Where the paper was listed: the digest of {@code date} by {@code source}, at {@code position} (from 0). */
    public record DigestListingView(String date, String source, int position) {
    }

    public record EntityView(String type, String text, String field, int start, int end) {
    }

    public record MetricView(String kind, String text, Double value, int start, int end) {
    }

    public record TextStatsView(int words, int sentences, double readingMinutes) {
    }

    /** A page of a paper search as the API lists it. */
    static PageView<PaperView> page(PaperSearch.Page result, int page, int size, boolean highlighted) {
        return new PageView<>(result.items().stream().map(hit -> of(hit.paper(), highlighted ? hit.highlights() : null)).toList(),
                result.total(), page, size);
    }

    static PaperView of(MergedPaper p) {
        return of(p, null);
    }

    static PaperView of(MergedPaper p, Map<String, List<String>> highlights) {
        return new PaperView(p.id(), p.title(), p.abstractText(), p.arxivId(),
                p.digestDates().stream().map(Object::toString).toList(),
                p.sightings().stream().map(s -> new DigestListingView(s.date().toString(), s.source(), s.position())).toList(),
                p.firstSeen().toString(), p.lastSeen().toString(),
                p.links(),
                p.hasCode(),
                p.entities().stream().map(e -> new EntityView(e.type().name(), e.text(), e.field(), e.start(), e.end())).toList(),
                p.metrics().stream().map(m -> new MetricView(m.kind(), m.text(), m.value(), m.start(), m.end())).toList(),
                p.stats() == null ? null : new TextStatsView(p.stats().words(), p.stats().sentences(), p.stats().readingMinutes()),
                p.extractorVersion(),
                p.updatedAt(),
                highlights);
    }
}
