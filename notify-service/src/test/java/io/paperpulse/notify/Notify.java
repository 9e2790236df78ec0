package io.paperpulse.notify;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.Topics;
import io.paperpulse.search.RandomPapers;
import io.paperpulse.testing.TestKafka;
import io.restassured.http.ContentType;

/** What the tests do as a user or as query-service would: create subscriptions, publish merged papers. */
public final class Notify {
    public static final String KEY = "test-notify-key";
    public static final String GROUP = "notify-service";
    public static final Duration WAIT = Duration.ofSeconds(20);

    private Notify() {
    }

    public record Created(String id, String token, String secret) {
    }

    /** A word no other test uses: a test's papers and subscriptions meet only each other. */
    public static String namespace() {
        return "ns" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Created create(Map<String, ?> body) {
        return given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON).body(body)
                .when().post("/subscriptions").then().statusCode(201).extract().as(Created.class);
    }

    public static MergedPaper paper(String id, long rev, String title, String abstractText, String model) {
        MergedPaper p = RandomPapers.paper(id, title, abstractText, List.of(new Entity(EntityType.MODEL, model, Entity.ABSTRACT, 0, model.length())),
                List.of(LocalDate.of(2026, 12, 3)), true);
        return new MergedPaper(p.id(), rev, p.title(), p.abstractText(), "2612." + Math.abs(id.hashCode() % 100000), p.sightings(), p.digestDates(),
                List.of("https://github.com/example/" + id), p.hasCode(), p.entities(), p.metrics(), p.stats(), p.extractorVersion(),
                p.enrichedAt(), p.updatedAt());
    }

    /** Publishes a paper on the changelog as query-service does: keyed by its id. */
    public static RecordMetadata publish(MergedPaper paper) {
        try {
            return TestKafka.shared().send(Topics.PAPERS_MERGED, paper.id(), EventJson.mapper().writeValueAsString(paper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
