package io.paperpulse.testing;

import java.util.Map;

import io.paperpulse.infra.EmbeddedStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One in-memory MongoDB-protocol store (mongo-java-server) per test JVM, shared by every test class. */
public class MongoStoreResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedStore store;

    public static synchronized String connectionString() {
        if (store == null) {
            store = EmbeddedStore.inMemory().start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        return store.connectionString();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", connectionString());
    }

    @Override
    public void stop() {
        // shared with later test classes of this JVM
    }
}
