package io.paperpulse.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user of the gateway's live stream ({@code GET /papers/stream}) sees: a subscriber that connects again
 * whenever its connection ends (the gateway restarted, say) and counts, per paper, the events that carry the same
 * paper as an earlier event (its {@code updatedAt} aside, which a needless rewrite would change): a second event for
 * an unchanged paper.
 */
final class LiveStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String gateway;
    private final Thread reader;
    private final Map<String, Set<String>> contentsById = new HashMap<>(); // guarded by this
    private final Set<String> titles = new HashSet<>(); // guarded by this
    private int duplicates; // guarded by this
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile InputStream body;

    LiveStream(String gateway) {
        this.gateway = gateway;
        this.reader = new Thread(this::readUntilClosed, "live-stream");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!connected) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the live stream did not connect within 30 s");
            }
            PipelineProcesses.sleep(50);
        }
    }

    /** Events for a paper whose content an earlier event already carried. */
    synchronized int duplicates() {
        return duplicates;
    }

    /** Whether an event announced the paper of {@code title}. */
    synchronized boolean announced(String title) {
        return titles.contains(title);
    }

    /** How many times the stream was connected so far. */
    int connections() {
        return connections.get();
    }

    private void readUntilClosed() {
        while (!closed) {
            try {
                HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/papers/stream"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("stream answered " + response.statusCode());
                }
                body = response.body();
                read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                // the gateway is down or restarting: connect again
            } catch (InterruptedException e) {
                return;
            }
            connected = false;
            if (!closed) {
                PipelineProcesses.sleep(200);
            }
        }
    }

    private void read(BufferedReader lines) throws IOException {
        StringBuilder data = new StringBuilder();
        String event = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(":") && line.contains("connected")) {
                connections.incrementAndGet();
                connected = true;
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).strip());
            } else if (line.isEmpty()) {
                if ("paper".equals(event) && !data.isEmpty()) {
                    record(data.toString());
                }
                data.setLength(0);
                event = null;
            }
        }
    }

    private void record(String json) throws IOException {
        ObjectNode paper = (ObjectNode) JSON.readTree(json);
        String id = paper.get("id").asText();
        String title = paper.get("title").asText();
        paper.remove("updatedAt");
        String content = JSON.writeValueAsString(paper);
        synchronized (this) {
            titles.add(title);
            if (!contentsById.computeIfAbsent(id, k -> new HashSet<>()).add(content)) {
                duplicates++;
                System.out.println("live stream: a second event for the unchanged paper " + id + " (" + title + ")");
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        reader.interrupt();
    }
}
