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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.ingest.intake.IngestConfig;
import io.paperpulse.ingest.parse.BadPages;
import io.paperpulse.ingest.parse.BadPages.BadPage;
import io.paperpulse.ingest.parse.BadPages.Category;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageFormat;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.parse.RejectedPageException.Kind;
import io.paperpulse.ingest.parse.SecondsPerMb;
import io.paperpulse.ingest.store.DigestRepository;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bad-input suite over REST, seeded (the seed is printed; {@code -Dfuzz.seed=N} replays a run): 10,000 pages of
 * every category of {@link BadPages}, sized around the page limit, POSTed to {@code /digests}, a few at once. Each is
 * answered as the parser reads it: 202 with its papers, or the 4xx of its refusal as problem JSON with a detail (413
 * over the limit, 422 for a paper too large to publish); never a 5xx. The service is still ready afterwards. Each
 * answer is checked as it comes, so that only the pages in flight are held; the slowest answer per MB of each category
 * is printed.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class BadPagesApiTest {
    private static final int PAGES = 10_000;
    /** Pushes in flight at once, as several clients would: a push waits on the store and the broker most of its time. */
    private static final int AT_ONCE = 4;
    /** Pages sent between two deletions of the records of those answered. */
    private static final int FORGET_EVERY = 1_000;
    private static final LocalDate DATE = LocalDate.of(2026, 3, 11);
    private static final Map<Kind, Integer> STATUS = Map.of(Kind.TOO_LARGE, 413, Kind.UNSUPPORTED_MEDIA_TYPE, 415, Kind.MALFORMED, 400,
            Kind.NO_PAPERS, 422, Kind.PAPER_TOO_LARGE, 422);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/digests")
    URI digests;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Inject
    IngestConfig config;

    @Inject
    DigestRepository store;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final DigestParser parser = new DigestParser();
    private final Map<Category, Map<Integer, Integer>> statuses = new EnumMap<>(Category.class);
    private final List<String> wrong = new ArrayList<>();
    private final SecondsPerMb times = new SecondsPerMb();

    @Test
    void everyPageIsAnsweredAsTheParserReadsItWithProblemJsonForEachRefusal() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadPagesApiTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        BadPages pages = new BadPages(new Random(seed), BadPages.Scale.around(config.maxBodyBytes()));
        Semaphore inFlight = new Semaphore(AT_ONCE);
        Set<String> digestIds = new HashSet<>();
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        int sent = 0;
        for (int i = 0; sent < PAGES; i++) {
            BadPage page = pages.next(Category.values()[sent % Category.values().length]);
            String digestId = DigestIds.of(page.body());
            if (!digestIds.add(digestId) || store.findWithoutRaw(digestId).await().indefinitely() != null) {
                continue; // bytes pushed before are answered from their record: not this test's subject; drawn again
            }
            if (sent % FORGET_EVERY == 0) {
                forget(answered);
            }
            int papers = papersRead(page);
            String which = "page " + i + " " + page;
            inFlight.acquire();
            long start = System.nanoTime();
            client.sendAsync(request(page), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                times.add(page, (System.nanoTime() - start) / 1e9);
                tally(which, page.category(), papers, answer, failure);
                answered.add(digestId);
                inFlight.release();
            });
            sent++;
        }
        assertTrue(inFlight.tryAcquire(AT_ONCE, 2, TimeUnit.MINUTES), "the last pushes answered");
        forget(answered);
        System.out.println("BadPagesApiTest " + sent + " pages, statuses by category: " + statuses);
        System.out.println(times.report("BadPagesApiTest answer time per MB"));
        assertEquals(List.of(), wrong, "seed " + seed);
        assertEquals(sent, statuses.values().stream().flatMap(s -> s.values().stream()).mapToInt(Integer::intValue).sum(), "every page answered");
        for (int status : new int[] {202, 413, 422}) {
            assertTrue(statuses.values().stream().anyMatch(s -> s.containsKey(status)), "pages read, over the limit and refused: " + statuses);
        }
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", JSON.readTree(health.body()).path("status").asText(), health.body());
    }

    /**
     * Deletes the records of pages answered: the embedded store keeps each page's bytes on the heap of the test JVM, and
     * 10,000 of them would hold some 300 MB to the end of the run. The pages drawn are known by their digests all the same.
     */
    private void forget(Queue<String> answered) {
        List<String> ids = new ArrayList<>();
        for (String id = answered.poll(); id != null; id = answered.poll()) {
            ids.add(id);
        }
        store.delete(new Document("_id", new Document("$in", ids))).await().indefinitely();
    }

    private synchronized void tally(String which, Category category, int papers, HttpResponse<String> answer, Throwable failure) {
        if (failure != null) {
            wrong.add(which + ": no answer: " + failure);
            return;
        }
        statuses.computeIfAbsent(category, c -> new TreeMap<>()).merge(answer.statusCode(), 1, Integer::sum);
        String problem = wrongAnswer(papers, answer);
        if (problem != null) {
            wrong.add(which + ": " + problem);
        }
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

    /** What is wrong with the answer to a page of which the service reads {@code papers} (see {@link #papersRead}), or {@code null}. */
    private static String wrongAnswer(int papers, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "answered " + status + ": " + answer.body();
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            return "answered " + status + " with no JSON: " + answer.body();
        }
        if (status >= 400) {
            String contentType = answer.headers().firstValue("content-type").orElse("");
            if (!contentType.startsWith("application/problem+json") || json.path("status").asInt() != status || json.path("detail").asText("").isBlank()) {
                return "answered " + status + " without problem JSON: " + contentType + " " + answer.body();
            }
        }
        int expected = papers > 0 ? 202 : -papers;
        if (expected == 202 && status == 422 && json.path("title").asText().equals("Paper too large")) {
            return null; // read, but a paper is over the record limit: the page is refused whole
        }
        if (status != expected) {
            return "answered " + status + ", the parser says " + expected + ": " + answer.body();
        }
        if (status == 202 && json.path("papers").asInt() != papers) {
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
