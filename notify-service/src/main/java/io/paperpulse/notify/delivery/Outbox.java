package io.paperpulse.notify.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/** The outbox of deliveries: written by matching, read and updated by {@link DeliveryWorker}. */
@ApplicationScoped
public class Outbox {

    private static ReactiveMongoCollection<DeliveryDocument> deliveries() {
        return DeliveryDocument.mongoCollection();
    }

    /**
     * Adds the deliveries not there yet: an upsert that only sets fields on insert, so that one already there, in
     * whatever state, stays exactly as it is (no duplicate-key failure to tell apart from an outage either).
     */
    public Uni<Void> addAll(List<DeliveryDocument> added) {
        if (added.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<DeliveryDocument>> writes = new ArrayList<>();
        for (DeliveryDocument d : added) {
            BsonDocument fields = BsonDocumentWrapper.asBsonDocument(d, deliveries().getCodecRegistry()).clone();
            fields.remove("_id");
            writes.add(new UpdateOneModel<>(eq("_id", d.id), new Document("$setOnInsert", fields), new UpdateOptions().upsert(true)));
        }
        return deliveries().bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** Pending deliveries due by {@code now}, the longest waiting first. */
    public Uni<List<DeliveryDocument>> due(Instant now, int limit) {
        return deliveries().find(and(eq("status", DeliveryDocument.PENDING), lte("nextAttemptAt", Date.from(now))),
                new FindOptions().sort(Sorts.ascending("nextAttemptAt")).limit(limit)).collect().asList();
    }

    /** Marks deliveries as being tried until {@code until}: a try lost with its replica is due again then. */
    public Uni<Void> claim(List<String> ids, Instant until) {
        return deliveries().updateMany(and(in("_id", ids), eq("status", DeliveryDocument.PENDING)),
                set("nextAttemptAt", Date.from(until))).replaceWithVoid();
    }

    public Uni<Void> sent(List<String> ids, Instant now) {
        return deliveries().updateMany(in("_id", ids), combine(set("status", DeliveryDocument.SENT), set("sentAt", Date.from(now)),
                set("lastError", null), inc("attempts", 1))).replaceWithVoid();
    }

    /** A failed try of each: {@code retryAt} null gives it up, else it is due again then. */
    public Uni<Void> failed(List<DeliveryDocument> tried, List<Instant> retryAt, String error) {
        List<WriteModel<DeliveryDocument>> writes = new ArrayList<>();
        for (int i = 0; i < tried.size(); i++) {
            Instant retry = retryAt.get(i);
            Bson next = retry == null ? set("status", DeliveryDocument.FAILED) : set("nextAttemptAt", Date.from(retry));
            writes.add(new UpdateOneModel<>(eq("_id", tried.get(i).id), combine(next, set("lastError", error), inc("attempts", 1))));
        }
        return deliveries().bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** Holds a paused subscription's pending deliveries. */
    public Uni<Void> hold(String subscriptionId) {
        return deliveries().updateMany(and(eq("subscriptionId", subscriptionId), eq("status", DeliveryDocument.PENDING)),
                set("status", DeliveryDocument.PAUSED)).replaceWithVoid();
    }

    /** Releases a resumed subscription's held deliveries, due now and tried for the full while again. */
    public Uni<Void> release(String subscriptionId, Instant now) {
        return deliveries().updateMany(and(eq("subscriptionId", subscriptionId), eq("status", DeliveryDocument.PAUSED)),
                combine(set("status", DeliveryDocument.PENDING), set("dueAt", Date.from(now)), set("nextAttemptAt", Date.from(now))))
                .replaceWithVoid();
    }

    public Uni<List<DeliveryDocument>> latest(String subscriptionId, int limit) {
        return deliveries().find(eq("subscriptionId", subscriptionId), new FindOptions().sort(Sorts.descending("createdAt")).limit(limit))
                .collect().asList();
    }

    public Uni<Void> removeAll(String subscriptionId) {
        return deliveries().deleteMany(eq("subscriptionId", subscriptionId)).replaceWithVoid();
    }
}
