package io.paperpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), tuned for a 2-core machine.
 * Storage is formatted once with a cluster id kept beside the data, so a restart finds its topics again.
 */
public final class KraftBroker implements AutoCloseable {
    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean temporary;
    private KafkaRaftServer server;

    public KraftBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, false);
    }

    private KraftBroker(Path dataDir, int port, int controllerPort, boolean temporary) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.temporary = temporary;
    }

    /** A broker on free ports whose data is deleted when it closes: for tests. */
    public static KraftBroker temporary() {
        try {
            List<Integer> ports = Ports.free(2);
            return new KraftBroker(Files.createTempDirectory("paperpulse-kafka"), ports.get(0), ports.get(1), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    /** The id a log directory was formatted with, from Kafka's own meta.properties. */
    private static java.util.Optional<String> formattedClusterId(KafkaConfig config) throws IOException {
        Path meta = Path.of(config.metadataLogDir(), "meta.properties");
        if (!Files.exists(meta)) {
            return java.util.Optional.empty();
        }
        Properties props = new Properties();
        try (var in = Files.newInputStream(meta)) {
            props.load(in);
        }
        return java.util.Optional.ofNullable(props.getProperty("cluster.id"));
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Formats the log directories unless they are already; an interrupted first start (formatted, id not yet written)
     * is picked up again rather than failing as "already formatted".
     */
    private void formatOnce(KafkaConfig config) {
        try {
            Files.createDirectories(dataDir);
            Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
            String clusterId = Files.exists(idFile) ? Files.readString(idFile, StandardCharsets.UTF_8).strip()
                    : formattedClusterId(config).orElseGet(() -> Uuid.randomUuid().toString());
            Formatter formatter = new Formatter()
                    .setClusterId(clusterId)
                    .setNodeId(config.nodeId())
                    .setIgnoreFormatted(true)
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir());
            config.logDirs().forEach(formatter::addDirectory);
            formatter.run();
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, clusterId, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
    }
}
