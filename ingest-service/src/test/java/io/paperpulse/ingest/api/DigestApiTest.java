package io.paperpulse.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.ingest.parse.Pages;
import io.paperpulse.ingest.store.StoredClaims;
import io.paperpulse.ingest.store.DigestRepository;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The ingest API over HTTP, against the real broker and store: pushes, records, replays, and every error. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class DigestApiTest {
    static final String KEY = "test-ingest-key";
    private final TestKafka kafka = TestKafka.shared();

    @TestHTTPResource("/digests")
    URI digests;

    @Inject
    DigestRepository store;

    @Test
    void pushedPageIsPublishedRecordedAndRecognisedWhenPushedAgain() {
        byte[] page = Pages.unique(Pages.sample());
        String digestId = DigestIds.of(page);
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            push(page, "text/plain", "?date=2026-03-11&source=curl").statusCode(202)
                    .header("Location", endsWith("/digests/" + digestId))
                    .body("digestId", equalTo(digestId), "date", equalTo("2026-03-11"), "papers", equalTo(62),
                            "duplicatesInPage", equalTo(0), "alreadyIngested", equalTo(false));
            List<ParsedPaper> papers = papers(parsed.await(62, Duration.ofSeconds(30)));
            assertEquals(62, papers.size());
            assertTrue(papers.stream().allMatch(p -> p.digestId().equals(digestId) && p.source().equals("curl")));

            long before = kafka.endOffset(Topics.PAPERS_PARSED);
            push(page, "text/plain", "").statusCode(202)
                    .body("digestId", equalTo(digestId), "papers", equalTo(62), "alreadyIngested", equalTo(true));
            assertEquals(before, kafka.endOffset(Topics.PAPERS_PARSED), "a re-push publishes nothing");
        }
        given().get(digests + "/" + digestId).then().statusCode(200)
                .body("id", equalTo(digestId), "status", equalTo("accepted"), "date", equalTo("2026-03-11"),
                        "source", equalTo("curl"), "format", equalTo("text"), "papers", equalTo(62), "paperIds", hasSize(62),
                        "raw", nullValue());
        String raw = given().get(digests + "/" + digestId + "?raw=true").then().statusCode(200).extract().path("raw");
        assertArrayEquals(page, Base64.getDecoder().decode(raw));
    }

    @Test
    void samePagePushedTwiceAtOnceIsPublishedOnce() throws Exception {
        byte[] page = Pages.unique(Pages.sample());
        HttpRequest request = HttpRequest.newBuilder(digests).header("Authorization", "Bearer " + KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(page)).build();
        HttpClient client = HttpClient.newHttpClient();
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            long before = kafka.endOffset(Topics.PAPERS_PARSED);
            var first = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            var second = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            List<HttpResponse<String>> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

            assertEquals(List.of(202, 202), answers.stream().map(HttpResponse::statusCode).toList(), answers.toString());
            assertTrue(answers.stream().allMatch(a -> a.body().contains("\"digestId\":\"" + DigestIds.of(page) + "\"")), answers.toString());
            assertTrue(answers.stream().allMatch(a -> a.body().contains("\"papers\":62")), "both answer once every paper is out: " + answers);
            assertEquals(1, answers.stream().filter(a -> a.body().contains("\"alreadyIngested\":true")).count(), answers.toString());
            assertEquals(62, kafka.endOffset(Topics.PAPERS_PARSED) - before, "each paper once");
            assertEquals(62, parsed.await(62, Duration.ofSeconds(30)).stream().map(ConsumerRecord::key).distinct().count());
        }
        given().get(digests + "/" + DigestIds.of(page)).then().statusCode(200).body("status", equalTo("accepted"), "papers", equalTo(62));
    }

    @Test
    void pageClaimedByAPushStillAtWorkIsAnswered409WithoutPublishingIt() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        leftClaim(page, Instant.now(), Instant.now().plus(Duration.ofHours(1))); // a holder that keeps renewing
        long before = kafka.endOffset(Topics.PAPERS_PARSED);
        problem(push(page, "text/plain", ""), 409, "Page being ingested")
                .header("Retry-After", "3").body("instance", equalTo("/digests/" + DigestIds.of(page)));
        assertEquals(before, kafka.endOffset(Topics.PAPERS_PARSED), "nothing published while the holder is at it");
        given().get(digests + "/" + DigestIds.of(page)).then().statusCode(200).body("status", equalTo("ingesting"));
    }

    @Test
    void retryAfterThePushHoldingThePageDiedPublishesEveryPaper() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        Instant died = Instant.now();
        leftClaim(page, died, died.plus(Duration.ofSeconds(1))); // claimed just now, never renewed
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            push(page, "text/plain", "?source=second-try").statusCode(202).body("alreadyIngested", equalTo(false), "papers", equalTo(3));
            List<ParsedPaper> papers = papers(parsed.await(3, Duration.ofSeconds(30)));
            assertEquals(3, papers.size(), "every paper of the page");
            assertTrue(papers.stream().allMatch(p -> p.source().equals("second-try")));
        }
        given().get(digests + "/" + DigestIds.of(page)).then().statusCode(200)
                .body("status", equalTo("accepted"), "source", equalTo("second-try"), "papers", equalTo(3));
    }

    @Test
    void replayPublishesTheSamePapersAgain() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        String digestId = DigestIds.of(page);
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            push(page, "text/plain", "").statusCode(202).body("papers", equalTo(3));
            List<ConsumerRecord<String, byte[]>> first = parsed.await(3, Duration.ofSeconds(30));

            given().post(digests + "/" + digestId + "/replay").then().statusCode(401);
            given().header("Authorization", "Bearer " + KEY).post(digests + "/" + digestId + "/replay").then().statusCode(202)
                    .body("digestId", equalTo(digestId), "papers", equalTo(3), "alreadyIngested", equalTo(true));
            List<ConsumerRecord<String, byte[]>> again = parsed.await(3, Duration.ofSeconds(30));

            assertEquals(first.stream().map(ConsumerRecord::key).sorted().toList(), again.stream().map(ConsumerRecord::key).sorted().toList());
            assertEquals(papers(first).stream().sorted(java.util.Comparator.comparing(ParsedPaper::id)).toList(),
                    papers(again).stream().sorted(java.util.Comparator.comparing(ParsedPaper::id)).toList(), "the very same events");
        }
        given().header("Authorization", "Bearer " + KEY).post(digests + "/" + "0".repeat(64) + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void htmlPageIsRead() {
        push(Pages.unique(Pages.fixture("html/hf-daily-papers.html")), "text/html; charset=utf-8", "").statusCode(202)
                .body("papers", equalTo(4), "duplicatesInPage", equalTo(1), "date", equalTo("2024-03-11"));
    }

    @Test
    void pageThroughKafkaAndThroughRestIsTheSameDigestWithTheSamePapers() {
        byte[] page = Pages.unique(Pages.fixture("text/metadata-lines.txt"));
        List<ParsedPaper> viaKafka;
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            kafka.send("digests.raw", DigestIds.of(page), page, Map.of()); // what kcat and ./paperpulse push do
            viaKafka = papers(parsed.await(2, Duration.ofSeconds(30)));
        }
        assertEquals(2, viaKafka.size());
        push(page, "text/plain", "").statusCode(202)
                .body("digestId", equalTo(DigestIds.of(page)), "alreadyIngested", equalTo(true), "papers", equalTo(2));
        List<String> recorded = given().get(digests + "/" + DigestIds.of(page)).then().extract().path("paperIds");
        assertEquals(viaKafka.stream().sorted(java.util.Comparator.comparingInt(ParsedPaper::position)).map(ParsedPaper::id).toList(), recorded);
    }

    @Test
    void missingOrWrongKeyIs401() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        problem(given().contentType("text/plain").body(page).post(digests).then(), 401, "Unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(given().header("Authorization", "Bearer wrong").contentType("text/plain").body(page).post(digests).then(), 401, "Unauthorized");
        problem(given().header("Authorization", "Basic " + KEY).contentType("text/plain").body(page).post(digests).then(), 401, "Unauthorized");
        problem(given().header("Authorization", "Bearer " + KEY).contentType("application/json").body(page).post(digests + "/0/replay").then()
                .statusCode(404), 404, "Digest not found");
        given().get(digests + "/" + DigestIds.of(page)).then().statusCode(404);
        assertStillServes();
    }

    @Test
    void pageOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] big = new byte[300 * 1024]; // the test limit is 256 KiB
        java.util.Arrays.fill(big, (byte) 'a');
        problem(push(big, "text/plain", ""), 413, "Page too large").body("detail", equalTo("the page is 307200 bytes, over the limit of 262144 bytes"));

        HttpRequest chunked = HttpRequest.newBuilder(digests).header("Authorization", "Bearer " + KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
        assertStillServes();
    }

    @Test
    void unsupportedContentTypeIs415AndKeptEvenForAPageAlreadyIngested() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        problem(push(page, "application/json", ""), 415, "Unsupported content type")
                .body("detail", equalTo("content type application/json is not supported: send text/plain or text/html (UTF-8)"));
        assertRejectedRecord(page, "content type application/json is not supported");

        push(page, "text/plain", "").statusCode(202).body("alreadyIngested", equalTo(false));
        problem(push(page, "application/json", ""), 415, "Unsupported content type").body("instance", nullValue());
        given().get(digests + "/" + DigestIds.of(page)).then().body("status", equalTo("accepted"), "reason", nullValue());
        assertStillServes();
    }

    @Test
    void invalidUtf8Is400AndKept() {
        byte[] page = {'M', 'a', 'r', ' ', '1', '1', '\n', '\n', 'T', '\n', '\n', (byte) 0xFF, 'x', '.', '\n', '#', (byte) 0xC3};
        problem(push(page, "text/plain", ""), 400, "Malformed page or parameter")
                .body("detail", equalTo("the page is not valid UTF-8: malformed byte sequence at byte 11"));
        assertRejectedRecord(page, "not valid UTF-8");
        assertStillServes();
    }

    @Test
    void badDateIs400() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        problem(push(page, "text/plain", "?date=11/03/2024"), 400, "Malformed page or parameter")
                .body("detail", equalTo("the digest date '11/03/2024' is not an ISO date (YYYY-MM-DD)"));
        problem(push(page, "text/plain", "?date=2024-02-30"), 400, "Malformed page or parameter");
        assertRejectedRecord(page, "is not an ISO date");
        push(page, "text/plain", "?date=2024-03-11").statusCode(202).body("date", equalTo("2024-03-11"), "alreadyIngested", equalTo(false));
        given().get(digests + "/" + DigestIds.of(page)).then().body("status", equalTo("accepted"), "reason", nullValue());
    }

    @Test
    void pageWithoutPapersIs422WithTheReasonAndKept() {
        byte[] page = ("Mar 11\n\nLoad more\n\n© 2024 " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        problem(push(page, "text/plain", ""), 422, "No paper found")
                .body("detail", startsWith("no paper found in the text page"), "instance", equalTo("/digests/" + DigestIds.of(page)));
        assertRejectedRecord(page, "no paper found");
        given().get(digests + "?status=rejected&limit=100").then().statusCode(200)
                .body("findAll { it.id == '" + DigestIds.of(page) + "' }", hasSize(1));
        problem(given().get(digests + "?status=maybe").then(), 400, "Bad parameter");
        problem(push(new byte[0], "text/plain", ""), 422, "No paper found").body("detail", equalTo("the page is empty"));
        assertStillServes();
    }

    @Test
    void listingLimitMustBeAWholeNumberFrom1To100() {
        push(Pages.unique(Pages.fixture("text/basic.txt")), "text/plain", "").statusCode(202);
        for (String bad : List.of("abc", "0", "101", "-1", "2.5")) {
            problem(given().get(digests + "?limit=" + bad).then(), 400, "Bad parameter")
                    .body("detail", equalTo("parameter 'limit' must be a whole number from 1 to 100, got '" + bad + "'"));
        }
        given().get(digests + "?limit=1").then().statusCode(200).body("", hasSize(1));
        given().get(digests + "?status=accepted&limit=100").then().statusCode(200).body("status", everyItem(equalTo("accepted")));
    }

    @Test
    void laterRefusalOfTheSameBytesReplacesTheReason() {
        byte[] page = Pages.unique(Pages.fixture("text/basic.txt"));
        problem(push(page, "text/plain", "?date=yesterday"), 400, "Malformed page or parameter");
        assertRejectedRecord(page, "is not an ISO date");
        problem(push(page, "application/json", ""), 415, "Unsupported content type")
                .body("instance", equalTo("/digests/" + DigestIds.of(page)));
        assertRejectedRecord(page, "content type application/json is not supported");
    }

    @Test
    void pageWithAPaperTooLargeToPublishIsRefusedWholeNamingThePaper() {
        byte[] page = Pages.unique(Pages.withLongAbstract(100_000)); // under the page limit, over the record limit (64 KiB in tests)
        long before = kafka.endOffset(Topics.PAPERS_PARSED);
        problem(push(page, "text/plain", ""), 422, "Paper too large")
                .body("detail", startsWith("paper 2 '" + Pages.LONG_PAPER + "' (id "), "detail", containsString("over the limit of 65536 bytes"));
        assertEquals(before, kafka.endOffset(Topics.PAPERS_PARSED), "not one paper of the page published");
        assertRejectedRecord(page, "the page is refused whole");
        assertStillServes();
    }

    @Test
    void readinessSaysTheStoreIsUsable() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ingest-store' }.status", equalTo("UP"));
    }

    /** What a push that claimed the page and is still reading it (or died doing so) leaves in the store. */
    private void leftClaim(byte[] page, Instant claimedAt, Instant leaseUntil) {
        StoredClaims.leave(store, page, claimedAt, leaseUntil);
    }

    private void assertRejectedRecord(byte[] page, String reason) {
        String id = DigestIds.of(page);
        ValidatableResponse record = given().get(digests + "/" + id + "?raw=true").then().statusCode(200)
                .body("status", equalTo("rejected"), "papers", equalTo(0));
        assertTrue(record.extract().<String>path("reason").contains(reason), record.extract().asString());
        assertArrayEquals(page, Base64.getDecoder().decode(record.extract().<String>path("raw")), "the raw input is kept");
    }

    /** After any error the service goes on: a new page is accepted and published. */
    private void assertStillServes() {
        byte[] page = Pages.unique(Pages.fixture("text/duplicates.txt"));
        try (TestKafka.Tail parsed = kafka.tail("papers.parsed")) {
            push(page, "text/plain", "").statusCode(202).body("papers", equalTo(2), "duplicatesInPage", equalTo(2));
            assertEquals(2, parsed.await(2, Duration.ofSeconds(30)).size());
        }
    }

    private ValidatableResponse push(byte[] page, String contentType, String query) {
        RequestSpecification request = given().header("Authorization", "Bearer " + KEY).contentType(contentType).body(page);
        return request.post(digests + query).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String title) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("about:blank"), "title", equalTo(title), "status", equalTo(status),
                        "detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    private static List<ParsedPaper> papers(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventJson.read(TestKafka.text(r.value()), ParsedPaper.class)).toList();
    }
}
