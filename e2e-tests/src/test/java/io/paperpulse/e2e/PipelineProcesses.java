package io.paperpulse.e2e;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.paperpulse.infra.Ports;

/**
 * The packaged services as separate JVM processes, as `./paperpulse up` runs them, against given Kafka and MongoDB
 * endpoints: the three of the pipeline, and notify-service when asked. Each gets free ports; logs go to target/e2e-logs.
 */
final class PipelineProcesses implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("paperpulse.root", ".."));
    // as long as a request may take: on two cores shared by six JVMs a connect can wait seconds for the CPU
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String INGEST = "ingest-service";
    static final String ENRICH = "enrich-service";
    static final String QUERY = "query-service";
    static final String NOTIFY = "notify-service";
    static final List<String> PIPELINE = List.of(INGEST, ENRICH, QUERY);
    private static final Map<String, String> PORT_VARIABLES = Map.of(INGEST, "INGEST_PORT", ENRICH, "ENRICH_PORT", QUERY, "QUERY_PORT",
            NOTIFY, "NOTIFY_PORT");

    /** The first instance of each service, by service name, and the port it serves on. */
    private final Map<String, JavaProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<JavaProcess> others = new ArrayList<>();

    private final Map<String, String> env;

    PipelineProcesses(String kafka, String mongoUri) {
        this(kafka, mongoUri, Map.of());
    }

    /** With {@code settings}: more environment variables for every service. */
    PipelineProcesses(String kafka, String mongoUri, Map<String, String> settings) {
        this(kafka, mongoUri, settings, PIPELINE);
    }

    /** Only {@code names} of the services (in this order), with more environment variables for every one. */
    PipelineProcesses(String kafka, String mongoUri, Map<String, String> settings, List<String> names) {
        List<Integer> free = Ports.free(names.size());
        for (int i = 0; i < names.size(); i++) {
            ports.put(names.get(i), free.get(i));
        }
        Map<String, String> base = new HashMap<>(settings);
        base.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MONGODB_URI", mongoUri,
                "QUERY_INDEX_DIR", freshIndexDir(),
                "PAPERPULSE_INGEST_KEY", "e2e-test-key"));
        ports.forEach((service, port) -> base.put(PORT_VARIABLES.get(service), String.valueOf(port)));
        env = Map.copyOf(base);
        try {
            ports.keySet().forEach(service -> services.put(service, JavaProcess.service(ROOT, service, service, env).start()));
            ports.forEach((service, port) -> awaitReady(port, services.get(service)));
        } catch (RuntimeException e) {
            close(); // no service outlives a failed start
            throw e;
        }
    }

    String gateway() {
        return url(QUERY);
    }

    String ingest() {
        return url(INGEST);
    }

    /** The address of a service's first instance. */
    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String ingestKey() {
        return env.get("PAPERPULSE_INGEST_KEY");
    }

    /** kill -9 of a service's first instance. */
    void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a service's first instance again, on its port (and a gateway on its index), once it is ready. */
    void restart(String service) {
        JavaProcess process = services.get(service);
        process.stop();
        awaitReady(ports.get(service), process.start());
    }

    /** The running first instance of a service. */
    JavaProcess process(String service) {
        return services.get(service);
    }

    /** One more instance of each service (a gateway with an empty index of its own), once all are ready (caught up). */
    List<Instance> startAnother(String... names) {
        List<Instance> started = new ArrayList<>();
        for (String service : names) {
            int port = Ports.free();
            Map<String, String> another = new HashMap<>(env);
            another.put(PORT_VARIABLES.get(service), String.valueOf(port));
            another.put("QUERY_INDEX_DIR", freshIndexDir());
            JavaProcess process = JavaProcess.service(ROOT, service, service + "-" + port, another).start();
            others.add(process);
            started.add(new Instance(process, port));
        }
        started.forEach(instance -> awaitReady(instance.port(), instance.process()));
        return started;
    }

    /** A further instance of a service and the port it serves on. */
    record Instance(JavaProcess process, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** One more gateway replica, with an empty index of its own; its address once it is ready (it has caught up). */
    String startQueryReplica() {
        return startAnother(QUERY).get(0).url();
    }

    private static String freshIndexDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "index-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The answer to a request, as text. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(int port, JavaProcess process) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start; see target/e2e-logs");
            }
            try {
                get("http://127.0.0.1:" + port + "/q/health/ready");
                return;
            } catch (RuntimeException notYet) {
                sleep(300);
            }
        }
        throw new IllegalStateException(process.name() + " not ready after 120 s; see target/e2e-logs");
    }

    @Override
    public void close() {
        List<JavaProcess> all = new ArrayList<>(others);
        all.addAll(services.values());
        all.forEach(JavaProcess::signalTerm);
        all.forEach(JavaProcess::stop);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
