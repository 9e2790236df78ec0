package io.paperpulse.infra.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The local store's file layout: documents and unique indexes survive a restart, and an earlier file is carried over. */
class BsonH2BackendTest {
    private static final Document PAPER = new Document("_id", "p1").append("rev", 3L).append("title", "Ünïcode ✓")
            .append("score", 0.5).append("count", 7).append("seen", new Date(1_700_000_000_000L)).append("code", true)
            .append("raw", new Binary(new byte[] {0, 1, 2, (byte) 255})).append("missing", null)
            .append("entities", List.of(new Document("type", "MODEL").append("text", "BERT"), new Document("type", "DATASET")))
            .append("dates", List.of("2026-12-01", "2026-12-02"));

    @Test
    void documentsAndUniqueIndexesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("documents.mv");
        withStore(new BsonH2Backend(file), papers -> {
            papers.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
            papers.insertOne(PAPER);
            for (int i = 0; i < 2_000; i++) { // enough to spill index pages to the file, whose keys are then read back
                papers.insertOne(new Document("_id", "paper-" + i).append("rev", (long) i % 7));
            }
        });
        withStore(new BsonH2Backend(file), papers -> {
            assertEquals(PAPER, papers.find(new Document("_id", "p1")).first());
            assertEquals(2_001, papers.countDocuments());
            assertEquals(2L, papers.find(new Document("_id", "paper-1234").append("rev", 2L)).first().getLong("rev"));
            MongoWriteException duplicate = assertThrows(MongoWriteException.class, () -> papers.insertOne(new Document("_id", "paper-5")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory());
            // a compare-and-set on {_id, rev} that the unique index answers
            assertEquals(1, papers.replaceOne(new Document("_id", "paper-8").append("rev", 1L), new Document("rev", 2L)).getMatchedCount());
            assertEquals(0, papers.replaceOne(new Document("_id", "paper-8").append("rev", 1L), new Document("rev", 3L)).getMatchedCount());
        });
    }

    @Test
    void aFileOfTheEarlierLayoutIsCarriedOverOnce(@TempDir Path dir) throws Exception {
        Path earlier = dir.resolve("paperpulse.mv");
        Path target = dir.resolve("documents.mv");
        withStore(new H2Backend(earlier.toString()), papers -> {
            papers.insertOne(PAPER);
            papers.insertOne(new Document("_id", "p2").append("title", "Second"));
        });

        assertEquals(2, StoreFileMigration.migrateIfNeeded(earlier, target));

        assertFalse(Files.exists(earlier));
        assertTrue(Files.exists(dir.resolve("paperpulse.mv.migrated")));
        assertEquals(0, StoreFileMigration.migrateIfNeeded(earlier, target));
        withStore(new BsonH2Backend(target), papers -> {
            assertEquals(PAPER, papers.find(new Document("_id", "p1")).first());
            assertEquals("Second", papers.find(new Document("_id", "p2")).first().getString("title"));
            papers.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true)); // as the services do at start
            assertThrows(MongoWriteException.class, () -> papers.insertOne(new Document("_id", "p2")));
        });
    }

    @Test
    void acknowledgedWritesReachTheFileWhileTheStoreRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("documents.mv");
        Path copy = dir.resolve("after-kill.mv");
        withStore(new BsonH2Backend(file), papers -> {
            for (int i = 0; i < 500; i++) {
                papers.insertOne(new Document("_id", "paper-" + i).append("title", "Title " + i));
            }
            // what a kill -9 leaves behind: the file as it stands, copied while the store still runs
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long found;
            do {
                copyFile(file, copy);
                found = countIn(copy);
            } while (found < 500 && System.nanoTime() < deadline);
            assertEquals(500, found);
        });
    }

    @Test
    void concurrentWritersWhileTheFileCommitsAndCompactsLoseNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("documents.mv");
        int writers = 4;
        int writesEach = 1_500;
        String body = "x".repeat(2_000); // large enough that chunks fill, go sparse under rewrites and are compacted
        // a commit every millisecond: one that serialised a document while a command changed it would close the store
        withDatabase(new BsonH2Backend(file, 1), database -> {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    // two collections, as the services write theirs: a commit serialises both
                    MongoCollection<Document> target = database.getCollection(writer % 2 == 0 ? "papers" : "digests");
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < writesEach; i++) {
                            String id = "doc-" + writer + "-" + (i % 500);
                            if (i % 3 == 0) {
                                target.updateOne(new Document("_id", id), new Document("$set", new Document("rev", (long) i)
                                        .append("seen", i)), new UpdateOptions().upsert(true));
                            } else {
                                target.replaceOne(new Document("_id", id), new Document("_id", id).append("rev", (long) i)
                                        .append("body", body), new ReplaceOptions().upsert(true));
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdownNow();
            }
        });
        withDatabase(new BsonH2Backend(file), database -> {
            assertEquals(2 * 500L, database.getCollection("papers").countDocuments());
            assertEquals(2 * 500L, database.getCollection("digests").countDocuments());
            assertEquals(writesEach - 1L, database.getCollection("digests").find(new Document("_id", "doc-3-499")).first().getLong("rev"));
        });
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countIn(Path file) {
        long[] count = new long[1];
        withStore(new BsonH2Backend(file), papers -> count[0] = papers.countDocuments());
        return count[0];
    }

    private static void withStore(AbstractMongoBackend backend, Consumer<MongoCollection<Document>> use) {
        withDatabase(backend, database -> use.accept(database.getCollection("papers")));
    }

    private static void withDatabase(AbstractMongoBackend backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            use.accept(client.getDatabase("paperpulse"));
        } finally {
            server.shutdown();
        }
    }
}
