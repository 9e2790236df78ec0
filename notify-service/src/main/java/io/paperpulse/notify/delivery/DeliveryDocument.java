package io.paperpulse.notify.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.codecs.pojo.annotations.BsonId;

import io.paperpulse.contracts.MergedPaper;
import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;
import io.quarkus.qute.TemplateData;

/**
 * One paper owed to one subscription, in the outbox {@code deliveries}. Its {@code _id} is the idempotency key
 * "subscription/paper": a paper matched again (a redelivered record, a re-enriched paper) finds it there and adds
 * nothing, so each paper reaches each subscription once. The paper is kept as it was when it matched.
 */
@MongoEntity(collection = "deliveries")
public class DeliveryDocument extends ReactivePanacheMongoEntityBase {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    /** Held while its subscription is paused. */
    public static final String PAUSED = "paused";

    @BsonId
    public String id;
    public String subscriptionId;
    public String paperId;
    public PaperSnapshot paper;
    public String status;
    public int attempts;
    public Date createdAt;
    /** When it is first due: at once, or at the next hour of a daily subscription. Tries are given up a while after. */
    public Date dueAt;
    /** When it is tried next; while a try is in flight, when that try counts as lost (a crash) and it is due again. */
    public Date nextAttemptAt;
    public Date sentAt;
    public String lastError;

    public static String key(String subscriptionId, String paperId) {
        return subscriptionId + "/" + paperId;
    }

    /** A pending delivery of {@code paper}, as it is now, to a subscription. */
    public static DeliveryDocument of(String subscriptionId, MergedPaper paper, Instant dueAt, Instant now) {
        DeliveryDocument d = new DeliveryDocument();
        d.id = key(subscriptionId, paper.id());
        d.subscriptionId = subscriptionId;
        d.paperId = paper.id();
        d.paper = Snapshots.of(paper);
        d.status = PENDING;
        d.createdAt = Date.from(now);
        d.dueAt = Date.from(dueAt);
        d.nextAttemptAt = d.dueAt;
        return d;
    }

    /** What a message says of a paper. */
    @TemplateData
    public static class PaperSnapshot {
        public String id;
        public String title;
        public String url;
        public String firstSentence;
        public List<EntityName> entities;
        public List<String> digestDates;
        public boolean hasCode;
    }

    @TemplateData
    public static class EntityName {
        public String type;
        public String text;

        public EntityName() {
        }

        public EntityName(String type, String text) {
            this.type = type;
            this.text = text;
        }

        /** The type as messages show it: "model". */
        public String kind() {
            return type.toLowerCase(Locale.ROOT);
        }
    }
}
