package io.paperpulse.infra.store;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a store file opened without H2's background writer, once a second from a thread of its own, and rewrites
 * sparse chunks there too. H2 2.4's background writer hands each commit to two more threads (one serialises, one
 * places the chunk in the file) and compacts beside them; under a backfill of 20k papers that pipeline wedged: the
 * serialising thread spun on a chunk that was never placed, and every write waited behind it. Without the background
 * writer every commit runs whole under the store's lock, here or in a writer whose unsaved changes outgrow H2's buffer;
 * this thread commits holding the backend's command lock, so no command changes a document while it is serialised.
 */
final class StoreCommitter implements AutoCloseable {
    static final long INTERVAL_MILLIS = 1_000;
    /** Chunks below this fill rate (percent) are rewritten, at most {@link #REWRITE_BYTES} a round. */
    private static final int TARGET_FILL_RATE = 50;
    private static final int REWRITE_BYTES = 8 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(StoreCommitter.class);

    private final MVStore store;
    private final Object commands;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "store-committer");
        t.setDaemon(true);
        return t;
    });

    private StoreCommitter(MVStore store, Object commands, long intervalMillis) {
        this.store = store;
        this.commands = commands;
        thread.scheduleWithFixedDelay(this::commit, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** The file, opened without H2's background writer: call {@link #start} on it. */
    static MVStore open(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    /** Commits every {@code intervalMillis}, each time holding {@code commands}, the lock every command holds. */
    static StoreCommitter start(MVStore store, Object commands, long intervalMillis) {
        return new StoreCommitter(store, commands, intervalMillis);
    }

    private void commit() {
        try {
            synchronized (commands) {
                if (store.isClosed()) {
                    return;
                }
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
                store.compact(TARGET_FILL_RATE, REWRITE_BYTES);
            }
        } catch (MVStoreException e) {
            // the store closes itself on a panic; writes then fail with the cause, which the services retry
            LOG.error("committing the store file failed", e);
        }
    }

    /** Stops the rounds; closing the store afterwards commits what is left. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
