package io.paperpulse.query.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Metric;
import io.paperpulse.contracts.TextStats;
import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/**
 * The read model, MongoDB's store of record: one document per paper id in {@code papers}, read and written by
 * {@code _id} only. Dates are ISO strings. Every search runs on the index built from its changelog
 * ({@link #toMerged()}).
 */
@MongoEntity(collection = "papers")
public class PaperDocument extends ReactivePanacheMongoEntityBase {
    @BsonId
    public String id;
    /** Incremented on every write: the compare-and-set guard of {@link PaperStore}. */
    public long rev;
    public String title;
    @BsonProperty("abstract")
    public String abstractText;
    public String arxivId;
    public List<Sighting> sightings;
    public List<String> digestDates;
    public String firstSeen;
    public String lastSeen;
    public List<String> links;
    public List<EntityDocument> entities;
    public List<MetricDocument> metrics;
    public StatsDocument stats;
    public int extractorVersion;
    public Date enrichedAt;
    public boolean hasCode;
    public Date updatedAt;

    /** The paper listed in the digest of {@code date} by {@code source}, at {@code position} of that page. */
    public record Sighting(String date, String source, int position) {
    }

    /** An entity as extracted, plus {@code key}: the folded name its case variants are grouped under. */
    public record EntityDocument(String type, String text, String key, String field, int start, int end) {
    }

    public record MetricDocument(String kind, String text, Double value, int start, int end) {
    }

    public record StatsDocument(int words, int sentences, double readingMinutes) {
    }

    /** This revision as the changelog {@code papers.merged} carries it. */
    public MergedPaper toMerged() {
        return new MergedPaper(id, rev, title, abstractText, arxivId,
                sightings.stream().map(s -> new MergedPaper.Sighting(LocalDate.parse(s.date()), s.source(), s.position())).toList(),
                digestDates.stream().map(LocalDate::parse).toList(),
                links == null ? List.of() : links, hasCode,
                entities == null ? List.of() : entities.stream()
                        .map(e -> new Entity(EntityType.valueOf(e.type()), e.text(), e.field(), e.start(), e.end())).toList(),
                metrics == null ? List.of() : metrics.stream().map(m -> new Metric(m.kind(), m.text(), m.value(), m.start(), m.end())).toList(),
                stats == null ? null : new TextStats(stats.words(), stats.sentences(), stats.readingMinutes()),
                extractorVersion, enrichedAt == null ? null : enrichedAt.toInstant(), updatedAt == null ? null : updatedAt.toInstant());
    }

    Instant enrichedAtInstant() {
        return enrichedAt == null ? Instant.EPOCH : enrichedAt.toInstant();
    }
}
