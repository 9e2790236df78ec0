package io.paperpulse.query.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.BsonDocument;
import org.jboss.logging.Logger;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;

import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.query.store.PaperDocument;
import io.quarkus.mongodb.ChangeStreamOptions;
import io.smallrye.mutiny.Multi;

/**
 * Every paper stored or changed, from a MongoDB change stream on {@code papers}, fanned out to live subscribers.
 * A change stream rather than a hook in the consumer: each replica consumes only its own partitions, but every
 * replica sees every write in the store (also writes by other tools). One stream per replica, open only while
 * someone listens (on the embedded store each poll of an open change stream scans the whole oplog); after a failure
 * it resumes where it stopped.
 */
@ApplicationScoped
public class PaperChanges {
    private static final Logger LOG = Logger.getLogger(PaperChanges.class);
    private static final Set<OperationType> WRITES = Set.of(OperationType.INSERT, OperationType.UPDATE, OperationType.REPLACE);
    /** ChangeStreamHistoryLost and InvalidResumeToken: resuming is impossible, start afresh. */
    private static final Set<Integer> RESUME_IMPOSSIBLE = Set.of(286, 260);

    private final QueryConfig config;
    private final Multi<PaperDocument> changes;
    private volatile BsonDocument resumeToken;

    @Inject
    PaperChanges(QueryConfig config) {
        this.config = config;
        this.changes = Multi.createFrom().deferred(this::watch)
                .onCompletion().failWith(() -> new IllegalStateException("the change stream ended"))
                .onFailure().invoke(this::failed)
                .onFailure().retry().withBackOff(config.stream().retryDelay(), Duration.ofMinutes(1)).indefinitely()
                // the next first subscriber starts from its own now, not from where the last one left
                .onCancellation().invoke(() -> resumeToken = null)
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
    }

    /**
     * Papers as they are stored from shortly after subscribing (the first subscriber opens the change stream); a
     * subscriber that falls behind by more than its buffer is dropped.
     */
    public Multi<PaperDocument> stream() {
        return changes.onOverflow().buffer(config.stream().clientBuffer());
    }

    private Multi<PaperDocument> watch() {
        ChangeStreamOptions options = new ChangeStreamOptions().fullDocument(FullDocument.UPDATE_LOOKUP);
        if (resumeToken != null) {
            options.resumeAfter(resumeToken);
        }
        return PaperDocument.<PaperDocument>mongoCollection().watch(List.of(), PaperDocument.class, options)
                .invoke(change -> resumeToken = change.getResumeToken())
                .filter(change -> WRITES.contains(change.getOperationType()) && change.getFullDocument() != null)
                .map(ChangeStreamDocument::getFullDocument);
    }

    private void failed(Throwable failure) {
        if (failure instanceof MongoCommandException e && RESUME_IMPOSSIBLE.contains(e.getErrorCode())) {
            resumeToken = null;
        }
        LOG.warnf("change stream on papers failed (%s); reopening", failure.toString());
    }
}
