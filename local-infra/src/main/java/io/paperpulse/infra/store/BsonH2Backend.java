package io.paperpulse.infra.store;

import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 file backend with documents stored as BSON and index keys ordered without deserializing
 * them; the maps keep the names H2Backend gives them, so it finds its databases again on start.
 *
 * <p>Commands run one at a time, and the file commits between them: mongo-java-server updates a stored document in
 * place (made for its in-memory backend), and a commit that serialised that document meanwhile failed with a
 * ConcurrentModificationException, which H2 takes for a panic: it closed the store, and every later write failed.
 */
public final class BsonH2Backend extends H2Backend {
    /** The map names H2Backend gives a collection's documents ("databases.<db>.<collection>") and its indexes. */
    static final String DATA_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";
    private static final String META_PREFIX = "meta.";

    /** Held by every command and by every commit of the {@link StoreCommitter}. */
    private final Object commands = new Object();
    private final StoreCommitter committer;

    /** The store file, committed once a second by a {@link StoreCommitter} rather than H2's background writer. */
    public BsonH2Backend(Path file) {
        this(file, StoreCommitter.INTERVAL_MILLIS);
    }

    /** Committing every {@code commitMillis}: tests commit far more often, so a race with the commands shows. */
    BsonH2Backend(Path file, long commitMillis) {
        super(StoreCommitter.open(file));
        this.committer = StoreCommitter.start(getMvStore(), commands, commitMillis);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        synchronized (commands) {
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        synchronized (commands) {
            return super.handleQuery(query);
        }
    }

    @Override
    public void close() {
        committer.close();
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the collections and indexes, and an inner
     * instance can reach the store through its outer one at that point, where a field of its own is still unset.
     */
    private final class BsonDatabase extends H2Database {
        BsonDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            return UniqueIndexes.on(map, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + name, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + name);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }
}
