package io.paperpulse.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.paperpulse.infra.store.StoreFileMigration;

/**
 * The embedded default, one part per process so that none takes another down: {@code broker}, a real KRaft
 * Kafka broker, {@code store}, a MongoDB-protocol store, or {@code mail}, an SMTP server ({@link LocalMail}), all on
 * 127.0.0.1 with data under {@code PAPERPULSE_HOME} (default {@code .paperpulse}). Runs until stopped.
 */
public final class LocalInfrastructure {
    private static final String STORE_FILE = "documents.mv";

    public static void main(String[] args) throws Exception {
        String part = args.length == 1 ? args[0] : "";
        if (!part.equals("broker") && !part.equals("store") && !part.equals("mail")) {
            System.err.println("usage: LocalInfrastructure broker|store|mail");
            System.exit(2);
        }
        Path home = Path.of(env("PAPERPULSE_HOME", ".paperpulse")).toAbsolutePath();
        long started = System.nanoTime();
        AutoCloseable running;
        String where;
        try {
            if (part.equals("broker")) {
                KraftBroker broker = new KraftBroker(home.resolve("kafka"), Integer.parseInt(env("KAFKA_PORT", "9092")),
                        Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093")));
                running = broker::close;
                broker.start();
                TopicSetup.createMissing(broker.bootstrapServers());
                where = "kafka " + broker.bootstrapServers();
            } else if (part.equals("mail")) {
                LocalMail mail = new LocalMail(Integer.parseInt(env("SMTP_PORT", "2525")), home.resolve("mail")).start();
                running = mail::close;
                where = mail.where();
            } else {
                Path folder = Files.createDirectories(home.resolve("mongo"));
                long migrated = StoreFileMigration.migrateIfNeeded(folder.resolve("paperpulse.mv"), folder.resolve(STORE_FILE));
                if (migrated > 0) {
                    System.out.printf("local store: carried %d documents over to the BSON file layout%n", migrated);
                }
                EmbeddedStore store = EmbeddedStore.persistent(folder.resolve(STORE_FILE));
                running = store::close;
                store.start(Integer.parseInt(env("MONGODB_PORT", "27017")));
                where = "mongodb " + store.connectionString();
            }
        } catch (RuntimeException e) {
            // a port already taken must end the process: the broker's threads would otherwise keep it alive
            System.err.println("local " + part + " failed to start: " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("stopping the local " + part + ": " + e);
            }
            stopped.countDown();
        }, "local-infra-shutdown"));
        // one write for the whole line: supervisors look for it while the broker's threads log to the same file
        System.out.print(String.format("local %s ready in %d ms: %s%n", part, (System.nanoTime() - started) / 1_000_000, where));
        System.out.flush();
        stopped.await();
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
