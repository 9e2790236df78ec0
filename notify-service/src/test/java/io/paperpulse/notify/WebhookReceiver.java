package io.paperpulse.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver in the test JVM (JDK HttpServer on loopback), as a subscriber would run one: it records every
 * call, answers each path with the statuses it is told (200 once they run out), and checks signatures as a receiver
 * should: HMAC-SHA256 of "t.body" with the subscription's secret.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    public record Call(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> releasedBy = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders()), body));
            CountDownLatch released = releasedBy.remove(path);
            if (released != null) {
                await(released);
            }
            CountDownLatch releasing = releases.remove(path);
            if (releasing != null) {
                releasing.countDown();
            }
            Deque<Integer> queued = statuses.get(path);
            Integer next = queued == null ? null : queued.poll();
            int status = next != null ? next : always.getOrDefault(path, 200);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next calls to {@code path} are answered with these statuses, in order. */
    public void answer(String path, Integer... next) {
        statuses.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(next));
    }

    /** The next call to {@code held} is answered only once {@code releasing} has been called (or after half a minute). */
    public void holdUntilCalled(String held, String releasing) {
        CountDownLatch latch = new CountDownLatch(1);
        releasedBy.put(held, latch);
        releases.put(releasing, latch);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void alwaysAnswer(String path, int status) {
        always.put(path, status);
    }

    public List<Call> calls(String path) {
        List<Call> to = new ArrayList<>();
        for (Call c : calls) {
            if (c.path().equals(path)) {
                to.add(c);
            }
        }
        return to;
    }

    /** Waits until {@code path} got {@code count} calls, failing after {@code timeout}. */
    public List<Call> await(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls(path).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " got " + calls(path).size() + " calls, not " + count + ", within " + timeout);
            }
            Thread.sleep(20);
        }
        return calls(path);
    }

    /** Whether the call's PaperPulse-Signature is the HMAC of its timestamp and body with {@code secret}. */
    public static boolean signedWith(Call call, String secret) {
        Matcher m = SIGNATURE.matcher(String.valueOf(call.header("PaperPulse-Signature")));
        if (!m.matches()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((m.group(1) + "." + call.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(2)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
