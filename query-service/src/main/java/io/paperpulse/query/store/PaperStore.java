package io.paperpulse.query.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.paperpulse.contracts.EnrichedPaper;
import io.smallrye.mutiny.Uni;

/**
 * Writes enriched papers into the read model: read, merge in the application ({@link PaperMerge}), write back with a
 * compare-and-set on {@code rev}. A record that changes nothing writes nothing, so the change stream carries one event
 * per real change; the rare lost race (two replicas during a rebalance) is retried.
 */
@ApplicationScoped
public class PaperStore {
    private static final int ATTEMPTS = 5;

    /** The stored document when the record changed the paper, empty when it added nothing. */
    public Uni<Optional<PaperDocument>> upsert(EnrichedPaper enriched) {
        return Uni.createFrom().deferred(() -> attempt(enriched))
                .onFailure(WriteConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    private Uni<Optional<PaperDocument>> attempt(EnrichedPaper enriched) {
        return PaperDocument.<PaperDocument>findById(enriched.id()).flatMap(existing -> {
            PaperDocument merged = PaperMerge.merge(existing, enriched, new Date());
            if (merged == null) {
                return Uni.createFrom().item(Optional.<PaperDocument>empty());
            }
            return (existing == null ? insert(merged) : replace(existing.rev, merged)).replaceWith(Optional.of(merged));
        });
    }

    private Uni<Void> insert(PaperDocument doc) {
        return PaperDocument.<PaperDocument>mongoCollection().insertOne(doc).replaceWithVoid()
                .onFailure(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                .transform(e -> new WriteConflict(doc.id));
    }

    // {_id, rev} is exactly the unique index StoreIndexes creates, the only shape the embedded store answers by index
    private Uni<Void> replace(long rev, PaperDocument doc) {
        return PaperDocument.<PaperDocument>mongoCollection().replaceOne(and(eq("_id", doc.id), eq("rev", rev)), doc).map(result -> {
            if (result.getMatchedCount() == 0) {
                throw new WriteConflict(doc.id);
            }
            return null;
        });
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
            Map<String, PaperDocument> byId = docs.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            return ids.stream().map(byId::get).filter(d -> d != null).toList();
        });
    }

    /** Another writer changed the paper between our read and our write. */
    static final class WriteConflict extends RuntimeException {
        WriteConflict(String id) {
            super("paper " + id + " changed concurrently", null, false, false);
        }
    }
}
