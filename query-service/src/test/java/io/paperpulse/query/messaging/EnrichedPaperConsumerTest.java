package io.paperpulse.query.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.EventSerializer;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class EnrichedPaperConsumerTest {
    private final TestKafka kafka = TestKafka.shared();

    @Test
    void goldenEnrichedPaperIsServedByTheGateway() {
        EnrichedPaper golden = GoldenFixtures.enrichedPaper();
        kafka.send("papers.enriched", golden.id(), GoldenFixtures.enrichedPaperJson());

        awaitPaper(golden.id());
        given().get("/papers/{id}", golden.id()).then().statusCode(200)
                .body("title", equalTo(golden.paper().title()))
                .body("abstract", equalTo(golden.paper().abstractText()))
                .body("digestDates", contains("2026-03-11"))
                .body("links", contains("https://aka.ms/BLURB"))
                .body("entities.text", hasItem("BLURB"))
                .body("entities.find { it.text == 'BLURB' }.start", equalTo(golden.entities().stream()
                        .filter(e -> e.text().equals("BLURB")).findFirst().orElseThrow().start()))
                .body("extractorVersion", equalTo(1))
                .body("digests[0].source", equalTo(golden.paper().source()))
                .body("digests[0].position", equalTo(golden.paper().position()))
                .body("hasCode", equalTo(false));
        given().get("/papers?q=BLURB biomedical&model=bert").then().statusCode(200).body("items.id", hasItem(golden.id()));
    }

    @Test
    void redeliveredRecordWritesNothing() {
        EnrichedPaper paper = withId(GoldenFixtures.enrichedPaper(), "redelivered-" + UUID.randomUUID(), 1, LocalDate.of(2026, 3, 11));
        send(paper);
        awaitPaper(paper.id());
        String updatedAt = given().get("/papers/{id}", paper.id()).path("updatedAt");
        send(paper);
        // same key, same partition: once this later record is stored, the redelivery has been handled
        EnrichedPaper after = withId(paper, "after-" + paper.id(), 1, LocalDate.of(2026, 3, 11));
        kafka.send("papers.enriched", paper.id(), json(after));
        awaitPaper(after.id());
        given().get("/papers/{id}", paper.id()).then().body("updatedAt", equalTo(updatedAt));
    }

    @Test
    void sameRecordTwiceIsOnePaperAndDigestDatesMerge() {
        EnrichedPaper paper = withId(GoldenFixtures.enrichedPaper(), "merge-" + UUID.randomUUID(), 1, LocalDate.of(2026, 3, 11));
        send(paper);
        send(paper);
        send(withId(paper, paper.id(), 1, LocalDate.of(2026, 3, 12)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/papers/{id}", paper.id()).then()
                .statusCode(200).body("digestDates", contains("2026-03-11", "2026-03-12"))
                .body("firstSeen", equalTo("2026-03-11")).body("lastSeen", equalTo("2026-03-12")));
    }

    @Test
    void olderExtractorVersionNeverOverwritesNewer() {
        EnrichedPaper newer = withId(GoldenFixtures.enrichedPaper(), "version-" + UUID.randomUUID(), 2, LocalDate.of(2026, 3, 11));
        EnrichedPaper older = new EnrichedPaper(newer.paper(), 1, List.of(), List.of("https://old.example.org"), List.of(),
                newer.stats(), newer.enrichedAt());
        send(newer);
        send(older);
        send(withId(newer, newer.id(), 2, LocalDate.of(2026, 3, 13)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/papers/{id}", newer.id()).then()
                .statusCode(200).body("digestDates", contains("2026-03-11", "2026-03-13")));
        given().get("/papers/{id}", newer.id()).then()
                .body("extractorVersion", equalTo(2))
                .body("links", contains("https://aka.ms/BLURB"));
    }

    @Test
    void unreadableRecordGoesToDeadLetterTopicAndConsumptionGoesOn() {
        EnrichedPaper next = withId(GoldenFixtures.enrichedPaper(), "after-dlq-" + UUID.randomUUID(), 1, LocalDate.of(2026, 3, 11));
        try (TestKafka.Tail dlq = kafka.tail("papers.enriched.dlq")) {
            kafka.send("papers.enriched", "broken", "not json at all");
            send(next);
            var dead = dlq.await(1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            assertEquals("not json at all", TestKafka.text(dead.get(0).value()));
            assertTrue(TestKafka.header(dead.get(0), "dead-letter-reason").contains("not a valid EnrichedPaper"));
        }
        awaitPaper(next.id());
    }

    @Test
    void unknownIdIsProblemJson404() {
        given().get("/papers/{id}", "no-such-paper").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"))
                .body("detail", containsString("no-such-paper"));
    }

    @Test
    void badPageSizeIsProblemJson400NamingTheParameter() {
        given().get("/papers?size=1000").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'size'"));
        given().get("/papers?page=-1").then().statusCode(400).body("detail", containsString("'page'"));
        given().get("/papers?size=2").then().statusCode(200).body("size", equalTo(2)).body("page", equalTo(0));
    }

    private void send(EnrichedPaper paper) {
        kafka.send("papers.enriched", paper.id(), json(paper));
    }

    private static String json(EnrichedPaper paper) {
        return new String(new EventSerializer().serialize("papers.enriched", paper), StandardCharsets.UTF_8);
    }

    private static void awaitPaper(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/papers/{id}", id).statusCode() == 200);
    }

    static EnrichedPaper withId(EnrichedPaper e, String id, int version, LocalDate date) {
        ParsedPaper p = e.paper();
        ParsedPaper copy = new ParsedPaper(id, p.title(), p.abstractText(), date, p.digestId(), p.source(), p.position(),
                p.arxivId(), p.receivedAt());
        return new EnrichedPaper(copy, version, e.entities(), e.links(), e.metrics(), e.stats(), e.enrichedAt());
    }
}
