package io.paperpulse.query.store;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

import io.paperpulse.contracts.EnrichedPaper;
import io.smallrye.mutiny.Uni;

/**
 * Writes enriched papers into the read model a poll at a time, by {@code _id} only: one read of every paper the
 * batch names ({@code $in} on {@code _id}), the merge in the application ({@link PaperMerge}), one bulk write with a
 * compare-and-set on {@code rev}. A batch that lost a race (two replicas during a rebalance) is merged again from a
 * fresh read; merging is idempotent, so what it already wrote changes nothing.
 */
@ApplicationScoped
public class PaperStore {
    private static final int ATTEMPTS = 5;

    /**
     * The papers as stored after the batch, in the order they were first named: changed ones with their new revision,
     * the others as they were (the caller republishes those too, in case an earlier attempt stored but never announced them).
     */
    public Uni<List<PaperDocument>> mergeAll(List<EnrichedPaper> batch) {
        return Uni.createFrom().deferred(() -> attempt(batch))
                .onFailure(WriteConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    private Uni<List<PaperDocument>> attempt(List<EnrichedPaper> batch) {
        List<String> ids = batch.stream().map(EnrichedPaper::id).distinct().toList();
        return findAll(ids).flatMap(found -> {
            Map<String, PaperDocument> stored = new LinkedHashMap<>();
            found.forEach(d -> stored.put(d.id, d));
            Map<String, PaperDocument> current = new LinkedHashMap<>(stored);
            Map<String, PaperDocument> changed = new LinkedHashMap<>();
            Date now = new Date();
            for (EnrichedPaper record : batch) {
                PaperDocument merged = PaperMerge.merge(current.get(record.id()), record, now);
                if (merged != null) {
                    PaperDocument before = stored.get(record.id());
                    merged.rev = before == null ? 1 : before.rev + 1;
                    current.put(record.id(), merged);
                    changed.put(record.id(), merged);
                }
            }
            List<PaperDocument> result = ids.stream().map(current::get).toList();
            return write(stored, changed).replaceWith(result);
        });
    }

    private Uni<Void> write(Map<String, PaperDocument> stored, Map<String, PaperDocument> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<PaperDocument>> writes = new ArrayList<>();
        changed.forEach((id, doc) -> {
            PaperDocument before = stored.get(id);
            // {_id, rev} is exactly the unique index StoreIndexes creates, the only shape the embedded store answers by index
            writes.add(before == null ? new InsertOneModel<>(doc) : new ReplaceOneModel<>(new Document("_id", id).append("rev", before.rev), doc));
        });
        long replaces = changed.keySet().stream().filter(stored::containsKey).count();
        return PaperDocument.<PaperDocument>mongoCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .onFailure(StoreFailures::isDuplicateKey).transform(e -> new WriteConflict())
                .invoke(result -> {
                    if (result.getMatchedCount() < replaces) {
                        throw new WriteConflict();
                    }
                }).replaceWithVoid();
    }

    public Uni<PaperDocument> find(String id) {
        return PaperDocument.findById(id);
    }

    /** The papers with these ids, in the order of {@code ids} (unknown ids are skipped). */
    public Uni<List<PaperDocument>> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PaperDocument.<PaperDocument>mongoCollection().find(in("_id", ids)).collect().asList().map(docs -> {
            Map<String, PaperDocument> byId = new LinkedHashMap<>();
            docs.forEach(d -> byId.put(d.id, d));
            return ids.stream().map(byId::get).filter(d -> d != null).toList();
        });
    }

    /** Another writer changed a paper of the batch between our read and our write. */
    static final class WriteConflict extends RuntimeException {
        WriteConflict() {
            super("a paper of the batch changed concurrently", null, false, false);
        }
    }
}
