package io.paperpulse.query.store;

import java.util.Date;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/** The read model: one document per paper id in {@code papers}. Dates are ISO strings, so they sort as text. */
@MongoEntity(collection = "papers")
public class PaperDocument extends ReactivePanacheMongoEntityBase {
    @BsonId
    public String id;
    public String title;
    @BsonProperty("abstract")
    public String abstractText;
    public String arxivId;
    public List<String> digestDates;
    public String firstSeen;
    public String lastSeen;
    public List<String> links;
    public List<EntityDocument> entities;
    public List<MetricDocument> metrics;
    public StatsDocument stats;
    public int extractorVersion;
    public Date updatedAt;

    public static class EntityDocument {
        public String type;
        public String text;
        public String field;
        public int start;
        public int end;
    }

    public static class MetricDocument {
        public String kind;
        public String text;
        public Double value;
        public int start;
        public int end;
    }

    public static class StatsDocument {
        public int words;
        public int sentences;
        public double readingMinutes;
    }
}
