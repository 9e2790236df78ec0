package io.paperpulse.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A parameter fuzzer over every endpoint, seeded (the seed is printed; {@code -Dfuzz.seed=N} replays a run): random
 * and hostile values in one to three parameters (or path segments) of a random endpoint, sent by a plain HTTP
 * client. No answer may be a 5xx, and every 4xx must be problem JSON.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class ParameterFuzzTest {
    private static final int REQUESTS = 1500;
    private static final List<String> FILTERS = List.of("q", "model", "dataset", "task", "org", "framework", "entity",
            "hasCode", "from", "to");

    /** An endpoint: its path template, its path segments to fill and the query parameters it reads. */
    record Endpoint(String path, List<String> pathParams, List<String> queryParams) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/papers", List.of(), concat(FILTERS, List.of("sort", "page", "size"))),
            new Endpoint("/papers/{id}", List.of("id"), List.of()),
            new Endpoint("/papers/stream", List.of(), FILTERS),
            new Endpoint("/entities", List.of(), List.of("type", "q", "page", "size")),
            new Endpoint("/entities/{type}/{name}/papers", List.of("type", "name"), List.of("sort", "page", "size")),
            new Endpoint("/trending", List.of(), List.of("type", "days", "limit")),
            new Endpoint("/digests", List.of(), List.of("page", "size")),
            new Endpoint("/digests/{date}", List.of("date"), List.of("page", "size")),
            new Endpoint("/stats", List.of(), List.of("unknown")));

    @TestHTTPResource("/")
    URI root;

    // HTTP/1.1: each abandoned live stream closes its own connection instead of resetting a shared HTTP/2 one
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void noInputGivesA5xxAndEvery4xxIsProblemJson() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ParameterFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < REQUESTS * 3; i++) {
            values.add(value(random));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            Map<String, String> path = new TreeMap<>();
            endpoint.pathParams().forEach(p -> path.put(p, "x"));
            Map<String, String> query = new TreeMap<>();
            List<String> slots = concat(endpoint.pathParams(), endpoint.queryParams());
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                String slot = slots.get(random.nextInt(slots.size()));
                (endpoint.pathParams().contains(slot) ? path : query).put(slot, values.get(next++ % values.size()));
            }
            String request = endpoint.path() + " " + path + " " + query;
            int status = call(endpoint, path, query, request);
            statuses.merge(status, 1, Integer::sum);
        }
        assertTrue(statuses.getOrDefault(200, 0) > 100 && statuses.getOrDefault(400, 0) > 100, "a mix of answers: " + statuses);
    }

    /** Builds the URL itself (RestAssured would read braces in values as templates); reads a body only of an error. */
    private int call(Endpoint endpoint, Map<String, String> path, Map<String, String> query, String request) throws Exception {
        String target = endpoint.path();
        for (var p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        String encodedQuery = query.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest get = HttpRequest.newBuilder(URI.create(root + target.substring(1) + "?" + encodedQuery))
                .header("Accept", endpoint.path().endsWith("/stream") ? "text/event-stream" : "application/json").build();
        HttpResponse<InputStream> response = client.send(get, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String contentType = response.headers().firstValue("content-type").orElse("");
            String text = response.statusCode() >= 400 ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
            checkAnswer(response.statusCode(), contentType, text, request);
            return response.statusCode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void checkAnswer(int status, String contentType, String body, String request) {
        assertTrue(status < 500, request + " answered " + status + ": " + body);
        if (status >= 400) {
            assertTrue(contentType.startsWith("application/problem+json"), request + " answered " + status + " as " + contentType);
            var problem = new io.restassured.path.json.JsonPath(body);
            assertEquals(status, problem.getInt("status"), request);
            assertNotNull(problem.getString("detail"), request);
        }
    }

    private static final List<String> HOSTILE = List.of("", " ", "-1", "0", "1", "100", "101", "365", "366", "1000001",
            "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "NaN", "null", "true", "FALSE",
            "maybe", "2031-02-30", "2031-13-01", "0000-00-00", "+999999999-12-31", "-999999999-01-01", "2026-03-11",
            "2099-01-10", "relevance", "DATE", "title", "model", "METHOD", "dataset", "$where", "{\"$gt\":\"\"}", "{$ne:null}",
            ".*", "(a+)+$", "\\", "%", "%00", "\u0000", "../../etc/passwd", "<script>alert(1)</script>", "😀", "İ", "ß", "a/b",
            "BERT", "ImageNet", "x".repeat(200), "x".repeat(201), "word ".repeat(11), "\"bert", "ab*", "a*", "*", "\"\"");

    /** Random text of every kind, numbers around the limits, dates good and bad, and known hostile values. */
    private static String value(Random random) {
        return switch (random.nextInt(11)) {
            case 0, 1, 2 -> HOSTILE.get(random.nextInt(HOSTILE.size()));
            case 3, 4, 5 -> text(random, 24, Character.MAX_CODE_POINT);
            case 6, 7 -> text(random, 40, '~');
            case 8, 9 -> String.valueOf(random.nextInt());
            default -> java.time.LocalDate.of(2025, 1, 1).plusDays(random.nextInt(3000)).toString();
        };
    }

    private static String text(Random random, int maxLength, int maxCodePoint) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            int cp = maxCodePoint == '~' ? ' ' + random.nextInt('~' - ' ' + 1) : random.nextInt(maxCodePoint + 1);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                text.appendCodePoint(cp);
            }
        }
        return text.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
