package io.paperpulse.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.notify.GreenMailResource;
import io.paperpulse.notify.MovableClock;
import io.paperpulse.notify.Notify;
import io.paperpulse.notify.Notify.Created;
import io.paperpulse.notify.WebhookReceiver;
import io.paperpulse.notify.WebhookReceiver.Call;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.paperpulse.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Papers published on the changelog reach a webhook subscription: signed, once per paper however often it comes
 * again, retried after failures, given up (failing, then paused) after the retry window, and one slow endpoint
 * never holding up another.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTest {
    static WebhookReceiver receiver;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    static Created subscribe(String ns) {
        return Notify.create(Map.of("query", Map.of("q", ns), "webhook", receiver.url("/" + ns), "mode", "instant"));
    }

    static MergedPaper paper(String ns, int n, long rev) {
        return Notify.paper(ns + "-" + n, rev, "Graph transformers for " + ns, "We study graphs at scale. Then more.", "GraphBERT");
    }

    static ValidatableResponse deliveries(Created s) {
        return given().header("Authorization", "Bearer " + s.token()).when().get("/subscriptions/" + s.id() + "/deliveries").then().statusCode(200);
    }

    static ValidatableResponse subscription(Created s) {
        return given().header("Authorization", "Bearer " + s.token()).when().get("/subscriptions/" + s.id()).then().statusCode(200);
    }

    @Test
    void aMatchingPaperIsPostedSignedAndOnlyOnceHoweverOftenItComesAgain() throws Exception {
        String ns = Notify.namespace();
        Created s = subscribe(ns);
        MergedPaper paper = paper(ns, 1, 1);
        Notify.publish(paper);

        Call call = receiver.await("/" + ns, 1, Notify.WAIT).get(0);
        assertTrue(WebhookReceiver.signedWith(call, s.secret()), call.header("PaperPulse-Signature"));
        assertEquals(s.id() + "/" + paper.id(), call.header("Idempotency-Key"));
        JsonNode body = EventJson.mapper().readTree(call.body());
        assertEquals(s.id(), body.get("subscription").asText());
        assertEquals(1, body.get("papers").size());
        JsonNode sent = body.get("papers").get(0);
        assertEquals(paper.id(), sent.get("id").asText());
        assertEquals(s.id() + "/" + paper.id(), sent.get("idempotencyKey").asText());
        assertEquals(paper.title(), sent.get("title").asText());
        assertEquals("https://arxiv.org/abs/" + paper.arxivId(), sent.get("url").asText());
        assertEquals("We study graphs at scale.", sent.get("firstSentence").asText());
        assertEquals("GraphBERT", sent.get("entities").get(0).get("text").asText());
        assertEquals("2026-12-03", sent.get("digestDates").get(0).asText());

        // the same record again (a redelivery), then a new revision (re-enrichment) that still matches
        Notify.publish(paper);
        RecordMetadata last = Notify.publish(new MergedPaper(paper.id(), 2, paper.title(), paper.abstractText() + " Revised.", paper.arxivId(),
                paper.sightings(), paper.digestDates(), paper.links(), paper.hasCode(), paper.entities(), paper.metrics(), paper.stats(),
                paper.extractorVersion(), paper.enrichedAt(), paper.updatedAt()));
        TestKafka.shared().awaitCommitted(Notify.GROUP, last, Notify.WAIT);
        deliveries(s).body("size()", equalTo(1)).body("[0].status", equalTo("sent")).body("[0].attempts", equalTo(1));
        assertEquals(1, receiver.calls("/" + ns).size());
    }

    @Test
    void aFailedCallIsTriedAgainUntilItGoesThrough() throws Exception {
        String ns = Notify.namespace();
        receiver.answer("/" + ns, 503, 500);
        Created s = subscribe(ns);
        Notify.publish(paper(ns, 1, 1));

        List<Call> calls = receiver.await("/" + ns, 3, Notify.WAIT);
        await().atMost(Notify.WAIT).untilAsserted(() -> deliveries(s).body("[0].status", equalTo("sent")).body("[0].attempts", equalTo(3)));
        assertEquals(1, calls.stream().map(c -> c.header("Idempotency-Key")).distinct().count());
        calls.forEach(c -> assertTrue(WebhookReceiver.signedWith(c, s.secret())));
        subscription(s).body("status", equalTo("active"));
    }

    @Test
    void aSubscriptionIsFailingOnceADeliveryIsGivenUpAndPausedAfterRepeatedOnes() {
        String ns = Notify.namespace();
        receiver.alwaysAnswer("/" + ns, 500);
        Created s = subscribe(ns);
        for (int round = 1; round <= 3; round++) {
            String paperId = ns + "-" + round;
            Notify.publish(paper(ns, round, 1));
            await().atMost(Notify.WAIT).untilAsserted(() -> deliveries(s).body("find { it.paperId == '" + paperId + "' }.attempts", greaterThanOrEqualTo(1)));
            boolean failingBefore = round > 1;
            await().atMost(Notify.WAIT).untilAsserted(() -> subscription(s).body("failing", equalTo(failingBefore)).body("lastError", notNullValue()));
            // past the retry window: the next try is the last
            clock.advance(Duration.ofHours(25));
            await().atMost(Notify.WAIT).untilAsserted(() -> deliveries(s).body("find { it.paperId == '" + paperId + "' }.status", equalTo("failed")));
            int failures = round;
            await().atMost(Notify.WAIT).untilAsserted(() -> subscription(s).body("failing", equalTo(true)).body("consecutiveFailures", equalTo(failures))
                    .body("status", equalTo(failures < 3 ? "failing" : "paused")));
        }
        // paused: a matching paper is not even collected
        RecordMetadata last = Notify.publish(paper(ns, 4, 1));
        TestKafka.shared().awaitCommitted(Notify.GROUP, last, Notify.WAIT);
        deliveries(s).body("size()", equalTo(3));

        receiver.alwaysAnswer("/" + ns, 200);
        given().header("Authorization", "Bearer " + s.token()).contentType(ContentType.JSON).body(Map.of("paused", false))
                .when().patch("/subscriptions/" + s.id()).then().statusCode(200).body("status", equalTo("active"));
        Notify.publish(paper(ns, 5, 1));
        await().atMost(Notify.WAIT).untilAsserted(() -> deliveries(s).body("find { it.paperId == '" + ns + "-5' }.status", equalTo("sent")));
        subscription(s).body("status", equalTo("active")).body("consecutiveFailures", equalTo(0));
    }

    @Test
    void aSlowEndpointDoesNotHoldUpAnother() throws Exception {
        String slow = Notify.namespace();
        String fast = Notify.namespace();
        // the slow endpoint answers only once the fast one was called: were sends one after another, its call would
        // time out first, and its delivery need a second try
        receiver.holdUntilCalled("/" + slow, "/" + fast);
        Created held = subscribe(slow);
        subscribe(fast);
        Notify.publish(paper(slow, 1, 1));
        receiver.await("/" + slow, 1, Notify.WAIT);
        Notify.publish(paper(fast, 1, 1));

        receiver.await("/" + fast, 1, Notify.WAIT);
        await().atMost(Notify.WAIT).untilAsserted(() -> deliveries(held).body("[0].status", equalTo("sent")).body("[0].attempts", equalTo(1)));
    }
}
