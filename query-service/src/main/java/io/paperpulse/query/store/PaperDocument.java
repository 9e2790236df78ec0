package io.paperpulse.query.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/**
 * The read model: one document per paper id in {@code papers}. Dates are ISO strings, so they sort as text. Besides
 * what the events carry it holds fields derived at write time for portable querying: entity keys, search terms, a
 * folded sort title and {@code hasCode}.
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
    public String sortTitle;
    public SearchTerms search;
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

    /**
     * Search terms: {@code all} of title, entity names and abstract (what a query must match), and those of the title
     * and of the entity names (what ranks a match); an abstract-only match needs no list of its own.
     */
    public record SearchTerms(List<String> title, List<String> entities, List<String> all) {
    }

    Instant enrichedAtInstant() {
        return enrichedAt == null ? Instant.EPOCH : enrichedAt.toInstant();
    }
}
