package io.paperpulse.notify.subscription;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** The subscriptions in {@code subscriptions}, and how delivering to each fares. */
@ApplicationScoped
public class SubscriptionStore {

    public Uni<SubscriptionDocument> find(String id) {
        return SubscriptionDocument.findById(id);
    }

    public Uni<List<SubscriptionDocument>> findAll(Collection<String> ids) {
        return SubscriptionDocument.<SubscriptionDocument>find("_id in ?1", ids).list();
    }

    public Uni<Void> insert(SubscriptionDocument s) {
        return s.persist().replaceWithVoid();
    }

    public Uni<Void> replace(SubscriptionDocument s) {
        return s.update().replaceWithVoid();
    }

    public Uni<Boolean> delete(String id) {
        return SubscriptionDocument.deleteById(id);
    }

    /** A message went through: the subscription is no longer failing. */
    public Uni<Void> delivered(String id, Instant now) {
        return SubscriptionDocument.mongoCollection().updateOne(eq("_id", id), combine(set("failing", false), set("consecutiveFailures", 0),
                set("lastError", null), set("lastDeliveredAt", Date.from(now)))).replaceWithVoid();
    }

    /** A try failed and will be made again. */
    public Uni<Void> tryFailed(String id, String error) {
        return SubscriptionDocument.mongoCollection().updateOne(eq("_id", id), set("lastError", error)).replaceWithVoid();
    }

    /**
     * A message was given up: the subscription is failing, and paused at the {@code pauseAfter}th in a row. Answers
     * the subscription as it is now, or null when it is gone.
     */
    public Uni<SubscriptionDocument> gaveUp(String id, String error, Instant now, int pauseAfter) {
        return find(id).flatMap(s -> {
            if (s == null) {
                return Uni.createFrom().nullItem();
            }
            s.failing = true;
            s.consecutiveFailures++;
            s.lastError = error;
            s.paused = s.paused || s.consecutiveFailures >= pauseAfter;
            s.updatedAt = Date.from(now);
            return replace(s).replaceWith(s);
        });
    }
}
