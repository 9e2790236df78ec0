package io.paperpulse.testing;

import java.util.Map;

import io.paperpulse.infra.KraftBroker;
import io.paperpulse.infra.TopicSetup;
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
            broker = KraftBroker.temporary().start();
            TopicSetup.createMissing(broker.bootstrapServers());
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

}
