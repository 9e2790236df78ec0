package io.paperpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), tuned for a 2-core machine.
 * Storage is formatted once; the cluster id is kept beside the data so a restart finds its topics again.
 */
public final class KraftBroker implements AutoCloseable {
    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KraftBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public KraftBroker start() {
        KafkaConfig config = KafkaConfig.fromProps(properties(), false);
        formatOnce(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("node.id", "1");
        p.put("process.roles", "broker,controller");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        // Small machine: fewer threads, no 3 s wait before the first group join, a small cleaner buffer.
        p.put("num.io.threads", "2");
        p.put("num.network.threads", "2");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private void formatOnce(KafkaConfig config) {
        try {
            Files.createDirectories(dataDir);
            Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
            if (Files.exists(idFile)) {
                return;
            }
            String clusterId = Uuid.randomUuid().toString();
            Formatter formatter = new Formatter()
                    .setClusterId(clusterId)
                    .setNodeId(config.nodeId())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir());
            config.logDirs().forEach(formatter::addDirectory);
            formatter.run();
            Files.writeString(idFile, clusterId, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
    }
}
