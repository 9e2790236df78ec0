package io.paperpulse.ingest.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.paperpulse.ingest.store.DigestRecord.Status;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The {@code digests} collection of ingest-service's own database. Every write that must not race is one operation
 * on one document, decided by the unique {@code _id} and a filter on the record's status, so two pushes of the same
 * bytes (two replicas, REST and Kafka at once, a client's retry) cannot both win.
 */
@ApplicationScoped
public class DigestRepository implements ReactivePanacheMongoRepositoryBase<DigestRecord, String> {
    /** Listings and look-ups that do not show the page leave its bytes (up to 15 MiB each) in the store. */
    private static final Bson WITHOUT_RAW = Projections.exclude("raw");

    /**
     * Claims these bytes for the push that made {@code claim} (status {@code INGESTING}, its token and lease): answers
     * whether it holds them now. It does when they are new, when they were only refused so far, when its own earlier
     * try left the claim behind, or when another claim's lease lapsed before {@code now} (its push is gone). A claim
     * without a lease was left by a version that had none, whose push is gone by now too.
     */
    public Uni<Boolean> claim(DigestRecord claim, Instant now) {
        return mongoCollection().insertOne(claim).replaceWith(true)
                .onFailure(DigestRepository::isDuplicateKey)
                .recoverWithUni(() -> findWithoutRaw(claim.id).flatMap(held -> held != null && takeable(held, claim.claim, now)
                        // taken only from the holder it was read with: a compare-and-set on its claim (none when refused)
                        ? mongoCollection().replaceOne(byClaim(claim.id, held.claim), claim).map(result -> result.getMatchedCount() > 0)
                        : Uni.createFrom().item(false)));
    }

    private static boolean takeable(DigestRecord held, String claim, Instant now) {
        return held.status == Status.REJECTED || held.status == Status.INGESTING
                && (claim.equals(held.claim) || held.leaseUntil == null || held.leaseUntil.isBefore(now));
    }

    /**
     * {@code {_id, claim}} as one plain document: the shape of the unique index {@link DigestIndexes} creates, which
     * the embedded store answers by index (with {@code $and}, or any further field, it reads every page's bytes).
     */
    static Bson byClaim(String id, String claim) {
        return new Document("_id", id).append("claim", claim);
    }

    /** Extends the lease of the claim {@code claim}; answers false when it is no longer held (another push took it over). */
    public Uni<Boolean> renew(String id, String claim, Instant leaseUntil) {
        return mongoCollection()
                .updateOne(byClaim(id, claim), Updates.set("leaseUntil", Date.from(leaseUntil)))
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Turns the claim {@code claim} into the accepted record; answers false when another push took it over meanwhile. */
    public Uni<Boolean> acceptClaimed(DigestRecord accepted, String claim) {
        return accept(byClaim(accepted.id, claim), accepted);
    }

    /** Records the new reading of a replayed page, whatever the record said before. */
    public Uni<Boolean> acceptReplayed(DigestRecord accepted) {
        return accept(eq("_id", accepted.id), accepted);
    }

    /** Gives up a claim, so that the next push of the bytes need not wait for it to go stale. */
    public Uni<Void> release(String id, String claim) {
        return mongoCollection().deleteOne(byClaim(id, claim))
                .replaceWithVoid();
    }

    /**
     * Records a refused page unless these bytes are accepted or being read: a refusal never overwrites either, but it
     * does replace an earlier refusal, whose reason may differ. Answers whether the bytes are kept as this record.
     */
    public Uni<Boolean> saveRejected(DigestRecord record) {
        return mongoCollection().insertOne(record).replaceWith(true)
                .onFailure(DigestRepository::isDuplicateKey)
                .recoverWithUni(() -> mongoCollection().replaceOne(new Document("_id", record.id).append("status", Status.REJECTED.name()), record)
                        .map(result -> result.getMatchedCount() > 0));
    }

    /** A record without its raw bytes, or {@code null}. */
    public Uni<DigestRecord> findWithoutRaw(String id) {
        return mongoCollection().find(eq("_id", id), new FindOptions().projection(WITHOUT_RAW).limit(1)).collect().first();
    }

    /** The latest pages of a status (or all, for {@code null}), newest first, without their raw bytes. */
    public Uni<List<DigestRecord>> latest(Status status, int limit) {
        Bson filter = status == null ? Filters.empty() : eq("status", status.name());
        return mongoCollection().find(filter, new FindOptions().projection(WITHOUT_RAW).sort(Sorts.descending("receivedAt")).limit(limit))
                .collect().asList();
    }

    private Uni<Boolean> accept(Bson filter, DigestRecord accepted) {
        Bson update = Updates.combine(
                Updates.set("status", Status.ACCEPTED.name()),
                Updates.set("date", accepted.date),
                Updates.set("format", accepted.format),
                Updates.set("paperIds", accepted.paperIds),
                Updates.set("duplicatesInPage", accepted.duplicatesInPage),
                Updates.unset("reason"),
                Updates.unset("claim"),
                Updates.unset("claimedAt"),
                Updates.unset("leaseUntil"));
        return mongoCollection().updateOne(filter, update).map(result -> result.getMatchedCount() > 0);
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException e && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
