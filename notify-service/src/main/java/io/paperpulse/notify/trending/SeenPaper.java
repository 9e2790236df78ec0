package io.paperpulse.notify.trending;

import java.util.Date;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/** A paper this service saw arrive, in {@code seen}: when it first did, and the entities it names now. */
@MongoEntity(collection = "seen")
public class SeenPaper extends ReactivePanacheMongoEntityBase {
    @BsonId
    public String id;
    public Date seenAt;
    /** "TYPE␟key" of each entity, once. */
    public List<String> keys;
    /** The surface form of each key, in the order of {@link #keys}. */
    public List<String> names;
}
