package io.paperpulse.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default: one process with a real KRaft Kafka broker and a MongoDB-protocol store, both on
 * 127.0.0.1, data under {@code PAPERPULSE_HOME} (default {@code .paperpulse}). Runs until stopped.
 */
public final class LocalInfrastructure {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("PAPERPULSE_HOME", ".paperpulse")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093"));
        int mongoPort = Integer.parseInt(env("MONGODB_PORT", "27017"));
        Files.createDirectories(home.resolve("mongo"));

        long started = System.nanoTime();
        KraftBroker broker = new KraftBroker(home.resolve("kafka"), kafkaPort, controllerPort);
        EmbeddedStore store = EmbeddedStore.persistent(home.resolve("mongo").resolve("paperpulse.mv"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            broker.close();
            stopped.countDown();
        }, "local-infra-shutdown"));
        try {
            broker.start();
            TopicSetup.createMissing(broker.bootstrapServers());
            store.start(mongoPort);
        } catch (RuntimeException e) {
            // a port already taken must end the process: the broker's threads would otherwise keep it alive
            System.err.println("local infrastructure failed to start: " + e);
            System.exit(1);
        }
        System.out.printf("local infrastructure ready in %d ms: kafka %s, mongodb %s%n",
                (System.nanoTime() - started) / 1_000_000, broker.bootstrapServers(), store.connectionString());
        stopped.await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
