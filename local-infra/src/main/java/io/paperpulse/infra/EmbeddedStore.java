package io.paperpulse.infra;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.paperpulse.infra.store.BsonH2Backend;

/**
 * A MongoDB-wire-protocol server (mongo-java-server): in memory for tests, an H2 file for a local run that keeps its
 * data. It lacks $text, transactions and real indexes; the services stay inside what it and MongoDB both support.
 */
public final class EmbeddedStore implements AutoCloseable {
    private final MongoServer server;
    private InetSocketAddress address;

    private EmbeddedStore(AbstractMongoBackend backend) {
        // no oplog: nothing watches change streams (the live stream follows the changelog topic), and it doubled every write
        this.server = new MongoServer(backend);
    }

    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(new MemoryBackend());
    }

    public static EmbeddedStore persistent(Path file) {
        return new EmbeddedStore(new BsonH2Backend(file));
    }

    /** Binds to 127.0.0.1 on the given port, or a free one when {@code port} is 0. */
    public EmbeddedStore start(int port) {
        server.bind("127.0.0.1", port);
        address = server.getLocalAddress();
        return this;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        if (address != null) {
            server.shutdown();
            address = null;
        }
    }
}
