package io.paperpulse.query.digest;

import java.util.Date;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/**
 * A digest day, precomputed from {@code papers} by {@link DigestDays}: what /digests, /trending and /stats read, by
 * id, instead of scanning and grouping every paper on each request. Always derivable again from {@code papers}.
 */
@MongoEntity(collection = "digest_days")
public class DigestDayDocument extends ReactivePanacheMongoEntityBase {
    /** The ISO date. */
    @BsonId
    public String date;
    public int papers;
    public List<String> sources;
    /** The day's papers in page order: by source, then position in that source's page. */
    public List<String> paperIds;
    public List<DayEntity> entities;
    /** When the computation that wrote this document started: a later one wins. */
    public Date refreshedAt;

    /** An entity (case variants grouped by key) and the day's papers naming it. */
    public record DayEntity(String type, String key, List<Form> forms, List<String> paperIds) {
    }

    /** A surface form of an entity and how many of the day's papers use it. */
    public record Form(String text, int papers) {
    }
}
