package io.paperpulse.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperpulse.infra.Ports;

/**
 * The three packaged services as separate JVM processes, as `./paperpulse up` runs them, against given Kafka and
 * MongoDB endpoints. Each gets free ports; logs go to target/e2e-logs.
 */
final class PipelineProcesses implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("paperpulse.root", ".."));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();
    final int queryPort = Ports.free();
    final int ingestPort = Ports.free();
    final int enrichPort = Ports.free();

    private final Map<String, String> env;

    PipelineProcesses(String kafka, String mongoUri) {
        env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MONGODB_URI", mongoUri,
                "QUERY_PORT", String.valueOf(queryPort),
                "QUERY_INDEX_DIR", freshIndexDir(),
                "INGEST_PORT", String.valueOf(ingestPort),
                "ENRICH_PORT", String.valueOf(enrichPort),
                "PAPERPULSE_INGEST_KEY", "e2e-test-key");
        try {
            start("ingest-service", env);
            start("enrich-service", env);
            start("query-service", env);
            for (int port : List.of(ingestPort, enrichPort, queryPort)) {
                awaitReady(port);
            }
        } catch (RuntimeException e) {
            close(); // no service outlives a failed start
            throw e;
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + queryPort;
    }

    /** One more gateway replica, with an empty index of its own; its address once it is ready (it has caught up). */
    String startQueryReplica() {
        int port = Ports.free();
        Map<String, String> replica = new java.util.HashMap<>(env);
        replica.put("QUERY_PORT", String.valueOf(port));
        replica.put("QUERY_INDEX_DIR", freshIndexDir());
        start("query-service", replica, "query-service-replica-" + port);
        awaitReady(port);
        return "http://127.0.0.1:" + port;
    }

    private static String freshIndexDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "index-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(String service, Map<String, String> env) {
        start(service, env, service);
    }

    private void start(String service, Map<String, String> env, String logName) {
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the services first: missing " + jar.toAbsolutePath());
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(logName + ".log").toFile());
            builder.environment().putAll(env);
            processes.add(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int port) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a service exited during start; see target/e2e-logs");
            }
            try {
                get("http://127.0.0.1:" + port + "/q/health/ready");
                return;
            } catch (RuntimeException notYet) {
                sleep(300);
            }
        }
        throw new IllegalStateException("service on port " + port + " not ready after 120 s; see target/e2e-logs");
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }

}
