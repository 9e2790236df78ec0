package io.paperpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.paperpulse.infra.LocalInfrastructure;
import io.paperpulse.infra.Ports;

/**
 * The local broker and the local store as `./paperpulse up` runs them: two JVMs of {@link LocalInfrastructure}, with
 * their data in a folder under target (kept across their restarts), so either can stop and start alone.
 */
final class InfrastructureProcesses implements AutoCloseable {
    private final List<Integer> ports = Ports.free(3);
    private final int kafkaPort = ports.get(0);
    private final int storePort = ports.get(1);
    private final JavaProcess broker;
    private final JavaProcess store;

    InfrastructureProcesses() {
        Path home;
        try {
            home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "infra-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of("PAPERPULSE_HOME", home.toString(), "KAFKA_PORT", String.valueOf(kafkaPort),
                "KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(2)), "MONGODB_PORT", String.valueOf(storePort));
        broker = JavaProcess.mainClass(LocalInfrastructure.class, List.of("broker"), "broker", env);
        store = JavaProcess.mainClass(LocalInfrastructure.class, List.of("store"), "store", env);
        try {
            startBroker();
            startStore();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String storeUri() {
        return "mongodb://127.0.0.1:" + storePort;
    }

    /** Starts the broker (its topics created when missing) and returns once it serves. */
    void startBroker() {
        start(broker);
    }

    void stopBroker() {
        broker.stop();
    }

    void startStore() {
        start(store);
    }

    void stopStore() {
        store.stop();
    }

    private static void start(JavaProcess part) {
        String ready = "local " + part.name() + " ready";
        int readyBefore = part.logCount(ready);
        part.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (part.logCount(ready) == readyBefore) {
            if (!part.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the local " + part.name() + " did not start; see target/e2e-logs");
            }
            PipelineProcesses.sleep(200);
        }
    }

    @Override
    public void close() {
        store.stop();
        broker.stop();
    }
}
