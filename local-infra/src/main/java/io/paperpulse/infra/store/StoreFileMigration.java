package io.paperpulse.infra.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Carries the documents of a store file written by H2Backend's default types (the layout before {@link BsonH2Backend})
 * over to a new file, then keeps the old one aside. Indexes are not copied: the services create theirs at start, and
 * a unique index is built from the documents already there.
 */
public final class StoreFileMigration {
    private StoreFileMigration() {
    }

    /** Migrates {@code earlier} into {@code target} when only the earlier exists; answers the documents copied. */
    public static long migrateIfNeeded(Path earlier, Path target) throws IOException {
        if (!Files.exists(earlier) || Files.exists(target)) {
            return 0;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        long copied = 0;
        H2Backend from = new H2Backend(earlier.toString());
        BsonH2Backend to = new BsonH2Backend(partial);
        try {
            for (String map : from.getMvStore().getMapNames()) {
                if (!map.startsWith(BsonH2Backend.DATA_PREFIX) || map.contains(BsonH2Backend.INDEX_INFIX)) {
                    continue;
                }
                String namespace = map.substring(BsonH2Backend.DATA_PREFIX.length());
                int dot = namespace.indexOf('.');
                String database = namespace.substring(0, dot);
                String collection = namespace.substring(dot + 1);
                if (collection.startsWith("system.")) {
                    continue;
                }
                MongoCollection<?> source = from.resolveDatabase(database).resolveCollection(collection, true);
                MongoDatabase into = to.resolveDatabase(database);
                MongoCollection<?> sink = into.resolveCollection(collection, false);
                if (sink == null) {
                    sink = into.createCollectionOrThrowIfExists(collection);
                }
                for (Document document : source.queryAll()) {
                    sink.addDocument(document);
                    copied++;
                }
            }
        } finally {
            from.close();
            to.close();
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.move(earlier, earlier.resolveSibling(earlier.getFileName() + ".migrated"), StandardCopyOption.REPLACE_EXISTING);
        return copied;
    }
}
