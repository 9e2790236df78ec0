package io.paperpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint in the test JVM, as a subscriber runs one: it checks each call's {@code PaperPulse-Signature}
 * with the secret of the subscription named in the body (a bad or stale one is answered 401), answers 204, and keeps
 * every call. A key it answered once and then receives again is a repeat of a completed delivery. It can hold a
 * subscription's next call unanswered until told, so that its sender can be killed while the call is in flight.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Older signatures are refused as replays. */
    private static final long TOLERANCE_SECONDS = 300;

    /** One call: its subscription, {@code Idempotency-Key}, papers, arrival (System.nanoTime()) and how it was answered. */
    record Call(String subscription, String key, List<String> paperIds, long receivedAt, boolean signed, Outcome outcome) {
    }

    enum Outcome {
        /** 204: the delivery completed. */
        ANSWERED,
        /** 401: the signature did not check out. */
        REFUSED,
        /** Held until its sender was gone, never answered. */
        UNANSWERED
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final List<String> answeredAgain = new CopyOnWriteArrayList<>();
    private final AtomicReference<Hold> hold = new AtomicReference<>();

    /** A subscription's next call, held unanswered from its arrival until {@link #release()}; then dropped unanswered. */
    static final class Hold {
        private final String subscription;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String subscription) {
            this.subscription = subscription;
        }

        void awaitArrival(Duration timeout) throws InterruptedException {
            if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no call for " + subscription + " arrived within " + timeout);
            }
        }

        void release() {
            released.countDown();
        }
    }

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void trust(String subscription, String secret) {
        secrets.put(subscription, secret);
    }

    Hold holdNext(String subscription) {
        Hold next = new Hold(subscription);
        hold.set(next);
        return next;
    }

    /** The calls of a subscription so far, in their order of arrival. */
    List<Call> calls(String subscription) {
        return calls.stream().filter(c -> c.subscription().equals(subscription)).toList();
    }

    /** Keys received again after they had been answered 2xx. */
    List<String> answeredAgain() {
        return List.copyOf(answeredAgain);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode message = JSON.readTree(body);
            String subscription = message.path("subscription").asText();
            List<String> papers = new ArrayList<>();
            message.path("papers").forEach(p -> papers.add(p.path("id").asText()));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean signed = signedBy(secrets.get(subscription), exchange.getRequestHeaders().getFirst("PaperPulse-Signature"), body);
            long receivedAt = System.nanoTime();
            Hold held = hold.get();
            if (held != null && held.subscription.equals(subscription) && hold.compareAndSet(held, null)) {
                calls.add(new Call(subscription, key, List.copyOf(papers), receivedAt, signed, Outcome.UNANSWERED));
                held.arrived.countDown();
                awaitQuietly(held.released);
                return; // its sender is gone: this call is never answered
            }
            if (!signed) {
                calls.add(new Call(subscription, key, List.copyOf(papers), receivedAt, false, Outcome.REFUSED));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!answered.add(key)) {
                answeredAgain.add(key);
            }
            calls.add(new Call(subscription, key, List.copyOf(papers), receivedAt, true, Outcome.ANSWERED));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, recent, with the subscription's secret. */
    static boolean signedBy(String secret, String header, byte[] body) {
        if (secret == null || header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null || !t.matches("\\d{1,12}")
                || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > TOLERANCE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Hold held = hold.getAndSet(null);
        if (held != null) {
            held.release();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
