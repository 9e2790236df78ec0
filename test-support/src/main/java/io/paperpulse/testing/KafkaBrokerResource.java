package io.paperpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real KRaft broker per test JVM, shared by every test class (register with
 * {@code @QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static KraftBroker broker;

    /** Starts the JVM's broker on first use; also usable from plain JUnit tests. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = new KraftBroker(Files.createTempDirectory("paperpulse-kafka"), freePort(), freePort()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Topics.createMissing(broker.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker outlives each Quarkus application: later test classes reuse it
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
