package io.paperpulse.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.parse.BadPages;
import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageFormat;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.parse.RejectedPageException.Kind;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The bad-input suite over REST, seeded (the seed is printed; {@code -Dfuzz.seed=N} replays a run): pages of every
 * category of {@link BadPages}, sized around the page limit, POSTed to {@code /digests}. Each is answered as the parser
 * reads it: 202 with its papers, or the 4xx of its refusal as problem JSON with a detail (413 over the limit, 422 for a
 * paper too large to publish); never a 5xx. The service is still ready afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class BadPagesApiTest {
    private static final int PER_CATEGORY = 13;
    /** Pushes in flight at once, as several clients would: a push waits on the store and the broker most of its time. */
    private static final int AT_ONCE = 4;
    private static final LocalDate DATE = LocalDate.of(2026, 3, 11);
    private static final Map<Kind, Integer> STATUS = Map.of(Kind.TOO_LARGE, 413, Kind.UNSUPPORTED_MEDIA_TYPE, 415, Kind.MALFORMED, 400,
            Kind.NO_PAPERS, 422, Kind.PAPER_TOO_LARGE, 422);

    @TestHTTPResource("/digests")
    URI digests;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Inject
    IngestConfig config;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final DigestParser parser = new DigestParser();

    @Test
    void everyPageIsAnsweredAsTheParserReadsItWithProblemJsonForEachRefusal() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadPagesApiTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        BadPages pages = new BadPages(new Random(seed), BadPages.Scale.around(config.maxBodyBytes()));
        Map<Category, Map<Integer, Integer>> statuses = new EnumMap<>(Category.class);
        List<String> wrong = new ArrayList<>();
        for (int first = 0; first < PER_CATEGORY * Category.values().length; first += AT_ONCE) {
            List<BadPage> batch = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = first; i < first + AT_ONCE; i++) {
                batch.add(pages.next(Category.values()[i % Category.values().length]));
                answers.add(client.sendAsync(request(batch.get(batch.size() - 1)), HttpResponse.BodyHandlers.ofString()));
            }
            for (int k = 0; k < batch.size(); k++) {
                BadPage page = batch.get(k);
                HttpResponse<String> answer = answers.get(k).get(2, TimeUnit.MINUTES);
                statuses.computeIfAbsent(page.category(), c -> new TreeMap<>()).merge(answer.statusCode(), 1, Integer::sum);
                String problem = wrongAnswer(page, answer);
                if (problem != null) {
                    wrong.add("page " + (first + k) + " " + page + ": " + problem);
                }
            }
        }
        System.out.println("BadPagesApiTest statuses by category: " + statuses);
        assertEquals(List.of(), wrong, "seed " + seed);
        assertTrue(statuses.values().stream().anyMatch(s -> s.containsKey(202)) && statuses.values().stream().anyMatch(s -> s.containsKey(422)),
                "pages read and pages refused: " + statuses);
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", new JsonPath(health.body()).getString("status"), health.body());
    }

    private HttpRequest request(BadPage page) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(digests + "?date=" + DATE + "&source=badinput"))
                .header("Authorization", "Bearer " + DigestApiTest.KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(page.body()));
        if (page.contentType() != null) {
            request.header("Content-Type", page.contentType());
        }
        return request.build();
    }

    /** What is wrong with the answer to a page, or {@code null}. */
    private String wrongAnswer(BadPage page, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "answered " + status + ": " + answer.body();
        }
        if (status >= 400) {
            String contentType = answer.headers().firstValue("content-type").orElse("");
            JsonPath problem = new JsonPath(answer.body());
            if (!contentType.startsWith("application/problem+json") || problem.getInt("status") != status
                    || problem.getString("detail") == null || problem.getString("detail").isBlank()) {
                return "answered " + status + " without problem JSON: " + contentType + " " + answer.body();
            }
        }
        int papers = papersRead(page);
        int expected = papers > 0 ? 202 : -papers;
        if (expected == 202 && status == 422 && new JsonPath(answer.body()).getString("title").equals("Paper too large")) {
            return null; // read, but a paper is over the record limit: the page is refused whole
        }
        if (status != expected) {
            return "answered " + status + ", the parser says " + expected + ": " + answer.body();
        }
        if (status == 202 && new JsonPath(answer.body()).getInt("papers") != papers) {
            return "answered with other papers than the " + papers + " the parser reads: " + answer.body();
        }
        return null;
    }

    /**
     * How many papers the service reads in a page, or minus the status of its refusal: it checks the request (size,
     * media type) before it reads the page.
     */
    private int papersRead(BadPage page) {
        if (page.body().length > config.maxBodyBytes()) {
            return -413;
        }
        try {
            PageFormat.declared(page.contentType());
            return parser.parse(new PageInput(page.body(), page.contentType(), DATE, Instant.now())).papers().size();
        } catch (RejectedPageException refused) {
            return -STATUS.get(refused.kind());
        }
    }
}
