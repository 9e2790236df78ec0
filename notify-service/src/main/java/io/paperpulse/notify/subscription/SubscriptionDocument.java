package io.paperpulse.notify.subscription;

import java.util.Date;

import org.bson.codecs.pojo.annotations.BsonId;

import io.paperpulse.search.FilterParams;
import io.quarkus.mongodb.panache.common.MongoEntity;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntityBase;

/**
 * A subscription in {@code subscriptions}: its saved search, where and how its papers go, and how delivering to it
 * fares. Neither its token nor its webhook secret is stored, only their hashes and the salt they are derived from
 * ({@link Credentials}).
 */
@MongoEntity(collection = "subscriptions")
public class SubscriptionDocument extends ReactivePanacheMongoEntityBase {
    public static final String INSTANT = "instant";
    public static final String DAILY = "daily";

    @BsonId
    public String id;
    public QueryDocument query;
    public String webhook;
    public String email;
    public String mode;
    /** The UTC hour of a daily message. */
    public Integer hour;
    /** How many of the day's trending entities a daily message lists; null for none. */
    public Integer trending;
    public String salt;
    public String tokenHash;
    public String secretHash;
    public Date createdAt;
    public Date updatedAt;
    /** A delivery was given up: shown until one goes through again. */
    public boolean failing;
    /** Given-up deliveries in a row; at the configured limit the subscription is paused. */
    public int consecutiveFailures;
    /** Paused subscriptions collect no papers and receive nothing until a PATCH resumes them. */
    public boolean paused;
    public String lastError;
    public Date lastDeliveredAt;

    public boolean isDaily() {
        return DAILY.equals(mode);
    }

    /** The saved search, as {@code GET /papers} query parameters. */
    public static class QueryDocument {
        public String q;
        public String model;
        public String dataset;
        public String task;
        public String org;
        public String framework;
        public String entity;
        public Boolean hasCode;
        public String from;
        public String to;

        public FilterParams toParams() {
            return new FilterParams(q, model, dataset, task, org, framework, entity, hasCode == null ? null : hasCode.toString(), from, to);
        }
    }
}
