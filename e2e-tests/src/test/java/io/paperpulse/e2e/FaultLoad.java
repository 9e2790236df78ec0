package io.paperpulse.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.Topics;

/**
 * One scenario's load: {@link #PAGES} dated variants of the sample digest, every title suffixed with the scenario and
 * the page so every paper is new, the even pages pushed onto digests.raw, the odd ones POSTed to ingest's /digests
 * (retried as a client would while ingest is down or answers 5xx or 409). Both run paced, in the background, so a
 * fault lands mid-flow.
 */
final class FaultLoad {
    static final int PAGES = 20;
    private static final DateTimeFormatter DAY_LINE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final Duration REST_GIVE_UP = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Threads of their own: the common pool may have one thread on 2 cores, which would push over one path at a time. */
    private static final ExecutorService PUSHERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fault-load");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration pace;
    private final List<Page> pages = new ArrayList<>();
    private final AtomicInteger restRetries = new AtomicInteger();

    /** A page of the load: its date, bytes and the titles it lists. */
    record Page(LocalDate date, byte[] bytes, List<String> titles) {
    }

    /**
     * The pages of scenario {@code number} (from 0), on days of their own from 2025-01-01, their titles suffixed with
     * {@code name}; each path sends a page every {@code pace}.
     */
    FaultLoad(String name, int number, Duration pace) {
        this.pace = pace;
        try {
            String sample = Files.readString(SampleDigestScenario.SAMPLE, StandardCharsets.UTF_8);
            List<String> titles = SampleDigestScenario.titleLines(sample.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < PAGES; i++) {
                LocalDate date = LocalDate.of(2025, 1, 1).plusDays((long) number * PAGES + i);
                String suffix = " (" + name + " page " + i + ")";
                List<String> lines = new ArrayList<>();
                for (String line : sample.lines().toList()) {
                    lines.add(line.equals("Mar 11") ? DAY_LINE.format(date) : titles.contains(line) ? line + suffix : line);
                }
                pages.add(new Page(date, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                        titles.stream().map(t -> t + suffix).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every title of the load with the one digest date it must carry. */
    Map<String, List<String>> expected() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int page = 0; page < PAGES; page++) {
            expected.putAll(expected(page));
        }
        return expected;
    }

    /** How many REST pushes had to be tried again so far. */
    int restRetries() {
        return restRetries.get();
    }

    /** Starts pushing; completes once every page was accepted by Kafka or by ingest's API. */
    CompletableFuture<Void> push(String kafka, String ingest, String key) {
        CompletableFuture<Void> overKafka = CompletableFuture.runAsync(() -> pushOverKafka(kafka), PUSHERS);
        CompletableFuture<Void> overRest = CompletableFuture.runAsync(() -> pushOverRest(ingest, key), PUSHERS);
        return CompletableFuture.allOf(overKafka, overRest);
    }

    private void pushOverKafka(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // the broker-restart scenario: a send waits out the outage rather than failing
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < PAGES; i += 2) {
                Page page = pages.get(i);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DIGESTS_RAW, DigestIds.of(page.bytes()), page.bytes());
                record.headers().add(Topics.HEADER_DIGEST_DATE, page.date().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Topics.HEADER_SOURCE, "fault-kafka".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
                PipelineProcesses.sleep(pace.toMillis());
            }
            for (var send : sent) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a page was not accepted by Kafka", e);
        }
    }

    private void pushOverRest(String ingest, String key) {
        for (int i = 1; i < PAGES; i += 2) {
            Page page = pages.get(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/digests?source=fault-rest&date=" + page.date()))
                    .timeout(Duration.ofSeconds(90)) // a retry may wait out the lease of a push that died
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(page.bytes())).build();
            long giveUp = System.nanoTime() + REST_GIVE_UP.toNanos();
            while (!accepted(request, page)) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("ingest did not accept the page of " + page.date() + " within " + REST_GIVE_UP);
                }
                restRetries.incrementAndGet();
                PipelineProcesses.sleep(500);
            }
            PipelineProcesses.sleep(pace.toMillis());
        }
    }

    /**
     * POSTs one page of the load (taken out of its background pushes: call this instead of {@link #push}) in
     * {@code chunks} parts over about {@code spread}, running {@code midway} once a third of it is sent; the answer.
     */
    HttpResponse<String> pushSlowly(String ingest, String key, int page, int chunks, Duration spread, Runnable midway) {
        byte[] bytes = pages.get(page).bytes();
        int chunk = bytes.length / chunks + 1;
        Supplier<InputStream> slowBody = () -> new InputStream() {
            private int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read in chunks");
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (sent >= bytes.length) {
                    return -1;
                }
                if (sent > 0) {
                    PipelineProcesses.sleep(spread.toMillis() / chunks);
                }
                if (sent < bytes.length / 3 && sent + chunk >= bytes.length / 3) {
                    midway.run();
                }
                int n = Math.min(Math.min(length, chunk), bytes.length - sent);
                System.arraycopy(bytes, sent, into, offset, n);
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/digests?source=fault-rest&date=" + pages.get(page).date()))
                .timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + key).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(slowBody)).build();
        return PipelineProcesses.send(request);
    }

    /** Every title of one page with its date. */
    Map<String, List<String>> expected(int page) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        pages.get(page).titles().forEach(title -> expected.put(title, List.of(pages.get(page).date().toString())));
        return expected;
    }

    /** True for 202; false for what a client retries (no connection, 5xx, 409); a failure for any other answer. */
    private static boolean accepted(HttpRequest request, Page page) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 202) {
                return true;
            }
            if (status >= 500 || status == 409) {
                return false;
            }
            throw new IllegalStateException("ingest answered " + status + " to the page of " + page.date() + ": " + response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
