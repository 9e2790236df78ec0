package io.paperpulse.query.stream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real SSE client over java.net.http: reads the event stream line by line on its own thread. */
public final class SseClient implements AutoCloseable {

    /** One dispatched event; comment lines arrive as events named "comment" with the comment as data. */
    public record Event(String name, String id, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient connect(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        return new SseClient(response);
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event("comment", null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> {
                            // retry and unknown fields
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    /** The next event within {@code timeout}, or null. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the comment that says the server is subscribed. */
    public void awaitConnected() throws InterruptedException {
        Event e;
        while ((e = next(Duration.ofSeconds(20))) != null) {
            if (e.name().equals("comment") && e.data().equals("connected")) {
                return;
            }
        }
        throw new IllegalStateException("no 'connected' comment");
    }

    /** Paper events until {@code done} holds for the ids seen so far, or the timeout; comments skipped. */
    public List<Event> papersUntil(java.util.function.Predicate<List<String>> done, Duration timeout) throws InterruptedException {
        List<Event> papers = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(papers.stream().map(Event::id).toList()) && System.nanoTime() < deadline) {
            Event e = next(Duration.ofMillis(200));
            if (e != null && e.name().equals("paper")) {
                papers.add(e);
            }
        }
        return papers;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
