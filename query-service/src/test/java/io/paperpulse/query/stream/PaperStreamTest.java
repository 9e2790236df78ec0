package io.paperpulse.query.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.TestPapers;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /papers/stream with a real SSE client: papers pushed after connecting arrive, filtered like GET /papers. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class PaperStreamTest {
    static final String NS = TestPapers.namespace();
    static final String DATASET = "Set" + NS;

    @TestHTTPResource("/papers/stream")
    URI stream;

    @Test
    void newlyPushedDigestArrivesPaperByPaper() throws Exception {
        try (SseClient client = SseClient.connect(stream)) {
            client.awaitConnected();
            awaitLive(client, "");
            LocalDate date = LocalDate.of(2031, 5, 1);
            List<String> ids = List.of(NS + "-p0", NS + "-p1", NS + "-p2");
            for (int i = 0; i < ids.size(); i++) {
                TestPapers.paper(ids.get(i)).title(NS + " streamed paper " + i).abstractText("Fresh.").listed(date, "hf-daily", i).send();
            }
            List<SseClient.Event> events = client.papersUntil(seen -> seen.containsAll(ids), Duration.ofSeconds(30));
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                SseClient.Event event = events.stream().filter(e -> id.equals(e.id())).findFirst().orElseThrow(
                        () -> new AssertionError(id + " not streamed; got " + events));
                JsonPath paper = new JsonPath(event.data());
                assertEquals(id, paper.getString("id"));
                assertEquals(NS + " streamed paper " + i, paper.getString("title"));
                assertEquals(List.of(date.toString()), paper.getList("digestDates"));
                assertEquals(i, paper.getInt("digests[0].position"));
            }
        }
    }

    @Test
    void filteredStreamCarriesOnlyMatchingPapersAndEachChangeOnce() throws Exception {
        String query = "?dataset=" + URLEncoder.encode(DATASET.toUpperCase(), StandardCharsets.UTF_8);
        try (SseClient client = SseClient.connect(URI.create(stream + query))) {
            client.awaitConnected();
            awaitLive(client, DATASET);
            var other = TestPapers.paper(NS + "-other").title(NS + " other").abstractText("On OtherSet" + NS + ".")
                    .entity(EntityType.DATASET, "OtherSet" + NS).listed(LocalDate.of(2031, 5, 2)).send();
            TestPapers.awaitStored(other.id());
            var match = TestPapers.paper(NS + "-match").title(NS + " match").abstractText("On " + DATASET + ".")
                    .entity(EntityType.DATASET, DATASET).listed(LocalDate.of(2031, 5, 2));
            match.send();
            List<SseClient.Event> first = client.papersUntil(seen -> seen.contains(NS + "-match"), Duration.ofSeconds(30));
            assertEquals(List.of(NS + "-match"), ids(first));

            match.send(); // a redelivery changes nothing: no event
            match.listed(LocalDate.of(2031, 5, 3)).send(); // a new digest date is a change: one event
            List<SseClient.Event> second = client.papersUntil(seen -> seen.contains(NS + "-match"), Duration.ofSeconds(30));
            assertEquals(List.of(NS + "-match"), ids(second));
            assertEquals(List.of("2031-05-02", "2031-05-03"), new JsonPath(second.get(0).data()).getList("digestDates"));
            // no further event for those two: the next change of the same paper (same key, so ordered after both on
            // every topic) is the very next event
            match.listed(LocalDate.of(2031, 5, 4)).send();
            List<SseClient.Event> third = client.papersUntil(seen -> seen.contains(NS + "-match"), Duration.ofSeconds(30));
            assertEquals(List.of(NS + "-match"), ids(third), "no event between one change and the next");
            assertEquals(List.of("2031-05-02", "2031-05-03", "2031-05-04"), new JsonPath(third.get(third.size() - 1).data()).getList("digestDates"));
        }
    }

    @Test
    void badFilterIsProblemJsonBeforeAnyStreaming() {
        given().accept("text/event-stream").get("/papers/stream?hasCode=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'hasCode'"));
        given().accept("text/event-stream").get("/papers/stream?from=2031-05-09&to=2031-05-01").then().statusCode(400)
                .body("status", equalTo(400));
    }

    /** The ids of paper events, without warm-up papers that arrived late. */
    private static List<String> ids(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::id).filter(id -> !id.contains("-warmup-")).toList();
    }

    /**
     * The change stream opens at start, asynchronously: until it is live, writes are not streamed. Pushes warm-up
     * papers (matching {@code dataset}, when given) until one arrives, so the assertions after it are strict.
     */
    private static void awaitLive(SseClient client, String dataset) throws InterruptedException {
        for (int attempt = 0; attempt < 15; attempt++) {
            String id = NS + "-warmup-" + attempt;
            var warmup = TestPapers.paper(id).title(NS + " warm-up " + attempt).listed(LocalDate.of(2031, 4, 1));
            if (!dataset.isEmpty()) {
                warmup.abstractText("On " + dataset + ".").entity(EntityType.DATASET, dataset);
            }
            warmup.send();
            if (!client.papersUntil(seen -> seen.contains(id), Duration.ofSeconds(2)).isEmpty()) {
                return; // late warm-up events of earlier attempts may still come: ids() leaves them out
            }
        }
        assertFalse(true, "the live stream never delivered a warm-up paper");
    }
}
