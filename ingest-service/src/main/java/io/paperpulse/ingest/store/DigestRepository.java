package io.paperpulse.ingest.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code digests} collection of ingest-service's own database. */
@ApplicationScoped
public class DigestRepository implements ReactivePanacheMongoRepositoryBase<DigestRecord, String> {

    /** Records an accepted page, replacing a refusal of the same bytes or an earlier reading of them. */
    public Uni<DigestRecord> saveAccepted(DigestRecord record) {
        return persistOrUpdate(record);
    }

    /**
     * Records a refused page unless these bytes are already recorded: a refusal never overwrites an accepted page, nor
     * an earlier refusal. Answers whether the bytes are kept as a rejected record.
     */
    public Uni<Boolean> saveRejected(DigestRecord record) {
        return persist(record).replaceWith(true)
                .onFailure(DigestRepository::isDuplicateKey)
                .recoverWithUni(() -> findById(record.id).map(known -> known != null && !known.accepted()));
    }

    /** The latest pages of a status (or all, for {@code null}), newest first. */
    public Uni<List<DigestRecord>> latest(DigestRecord.Status status, int limit) {
        Document filter = status == null ? new Document() : new Document("status", status.name());
        return find(filter, new Document("receivedAt", -1)).page(0, limit).list();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException e && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
