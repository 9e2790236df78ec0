package io.paperpulse.query.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.query.store.PaperDocument.EntityDocument;
import io.paperpulse.query.store.PaperDocument.MetricDocument;
import io.paperpulse.query.store.PaperDocument.Sighting;
import io.paperpulse.query.store.PaperDocument.StatsDocument;
import io.paperpulse.search.SearchText;

/**
 * Merges an enriched paper into its stored document, the same whatever order records arrive in: sightings are a set
 * (one per digest date and source, at the lowest position seen), and enrichment is replaced only by an equal or newer
 * {@code (extractorVersion, enrichedAt)}.
 */
final class PaperMerge {
    /** Hosts whose links count as code for {@code hasCode}. */
    private static final Set<String> CODE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
            "gitee.com", "sourceforge.net");
    private static final Comparator<Sighting> SIGHTING_ORDER = Comparator.comparing(Sighting::date)
            .thenComparing(Sighting::source, Comparator.nullsFirst(Comparator.naturalOrder()));

    private PaperMerge() {
    }

    /**
     * The document to store (its {@code rev} is the caller's), or {@code null} when the record adds nothing: a
     * redelivery, an older extraction, or the same extraction again at another {@code enrichedAt}.
     */
    static PaperDocument merge(PaperDocument existing, EnrichedPaper incoming, Date now) {
        PaperDocument merged = new PaperDocument();
        merged.id = incoming.id();
        if (existing == null || atLeastAsNew(incoming, existing)) {
            enrich(merged, incoming);
        } else {
            copyEnrichment(existing, merged);
        }
        see(merged, existing == null ? List.of() : existing.sightings, incoming.paper());
        if (existing != null && sameContent(existing, merged)) {
            return null;
        }
        merged.updatedAt = now;
        return merged;
    }

    private static boolean atLeastAsNew(EnrichedPaper incoming, PaperDocument existing) {
        if (incoming.extractorVersion() != existing.extractorVersion) {
            return incoming.extractorVersion() > existing.extractorVersion;
        }
        return incoming.enrichedAt() == null || !Date.from(incoming.enrichedAt()).toInstant().isBefore(existing.enrichedAtInstant());
    }

    private static void see(PaperDocument doc, List<Sighting> before, ParsedPaper paper) {
        List<Sighting> sightings = new ArrayList<>();
        Sighting seen = new Sighting(paper.digestDate().toString(), paper.source(), paper.position());
        boolean known = false;
        for (Sighting s : before == null ? List.<Sighting>of() : before) {
            if (s.date().equals(seen.date()) && Objects.equals(s.source(), seen.source())) {
                known = true;
                sightings.add(new Sighting(s.date(), s.source(), Math.min(s.position(), seen.position())));
            } else {
                sightings.add(s);
            }
        }
        if (!known) {
            sightings.add(seen);
        }
        sightings.sort(SIGHTING_ORDER);
        doc.sightings = List.copyOf(sightings);
        doc.digestDates = sightings.stream().map(Sighting::date).distinct().toList();
        doc.firstSeen = doc.digestDates.get(0);
        doc.lastSeen = doc.digestDates.get(doc.digestDates.size() - 1);
    }

    private static void enrich(PaperDocument doc, EnrichedPaper incoming) {
        ParsedPaper paper = incoming.paper();
        doc.title = paper.title();
        doc.abstractText = paper.abstractText();
        doc.arxivId = paper.arxivId();
        doc.links = List.copyOf(incoming.links());
        doc.entities = incoming.entities().stream().map(e -> new EntityDocument(e.type().name(), e.text(),
                SearchText.key(e.text()), e.field(), e.start(), e.end())).toList();
        doc.metrics = incoming.metrics().stream().map(m -> new MetricDocument(m.kind(), m.text(), m.value(), m.start(), m.end()))
                .toList();
        doc.stats = incoming.stats() == null ? null
                : new StatsDocument(incoming.stats().words(), incoming.stats().sentences(), incoming.stats().readingMinutes());
        doc.extractorVersion = incoming.extractorVersion();
        doc.enrichedAt = incoming.enrichedAt() == null ? null : Date.from(incoming.enrichedAt());
        doc.hasCode = doc.links.stream().anyMatch(PaperMerge::isCodeLink);
    }

    static boolean isCodeLink(String link) {
        try {
            String host = URI.create(link).getHost();
            return host != null && CODE_HOSTS.stream().anyMatch(h -> host.equalsIgnoreCase(h) || host.toLowerCase().endsWith("." + h));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void copyEnrichment(PaperDocument from, PaperDocument to) {
        to.title = from.title;
        to.abstractText = from.abstractText;
        to.arxivId = from.arxivId;
        to.links = from.links;
        to.entities = from.entities;
        to.metrics = from.metrics;
        to.stats = from.stats;
        to.extractorVersion = from.extractorVersion;
        to.enrichedAt = from.enrichedAt;
        to.hasCode = from.hasCode;
    }

    private static boolean sameContent(PaperDocument a, PaperDocument b) {
        return Objects.equals(a.sightings, b.sightings)
                && Objects.equals(a.title, b.title)
                && Objects.equals(a.abstractText, b.abstractText)
                && Objects.equals(a.arxivId, b.arxivId)
                && Objects.equals(a.links, b.links)
                && Objects.equals(a.entities, b.entities)
                && Objects.equals(a.metrics, b.metrics)
                && Objects.equals(a.stats, b.stats)
                && a.extractorVersion == b.extractorVersion;
    }
}
