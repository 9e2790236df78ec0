package io.paperpulse.notify.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.paperpulse.notify.GreenMailResource;
import io.paperpulse.notify.Notify;
import io.paperpulse.notify.Notify.Created;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The subscription API: who may do what, and every body it refuses, with the reason, as problem JSON. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class SubscriptionApiTest {

    /** Matches no paper of other tests; its webhook is never called. */
    static Map<String, Object> webhookBody() {
        return Map.of("query", Map.of("q", Notify.namespace(), "model", "BERT"), "webhook", "http://127.0.0.1:9/hook", "mode", "instant");
    }

    @Test
    void createReadPatchDelete() {
        Created created = Notify.create(webhookBody());
        assertNotEquals(created.token(), created.secret());
        given().header("Authorization", "Bearer " + created.token()).when().get("/subscriptions/" + created.id()).then().statusCode(200)
                .body("id", equalTo(created.id())).body("query.model", equalTo("BERT"))
                .body("webhook", equalTo("http://127.0.0.1:9/hook")).body("mode", equalTo("instant")).body("status", equalTo("active"))
                .body("token", nullValue()).body("secret", nullValue()).body("tokenHash", nullValue());

        given().header("Authorization", "Bearer " + created.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "reader@example.org", "mode", "daily", "hour", 7, "trending", 5))
                .when().patch("/subscriptions/" + created.id()).then().statusCode(200)
                .body("email", equalTo("reader@example.org")).body("webhook", nullValue()).body("mode", equalTo("daily"))
                .body("hour", equalTo(7)).body("trending", equalTo(5)).body("query.model", equalTo("BERT"));
        given().header("Authorization", "Bearer " + created.token()).when().get("/subscriptions/" + created.id() + "/deliveries")
                .then().statusCode(200).body("size()", equalTo(0));

        given().header("Authorization", "Bearer " + created.token()).when().delete("/subscriptions/" + created.id()).then().statusCode(204);
        given().header("Authorization", "Bearer " + created.token()).when().get("/subscriptions/" + created.id()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void creatingNeedsTheNotifyKey() {
        given().contentType(ContentType.JSON).body(webhookBody()).when().post("/subscriptions").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(webhookBody()).when().post("/subscriptions")
                .then().statusCode(401);
    }

    @Test
    void aSubscriptionNeedsItsOwnToken() {
        Created mine = Notify.create(webhookBody());
        Created other = Notify.create(webhookBody());
        for (String auth : new String[] {null, "Bearer " + other.token(), "Bearer " + Notify.KEY, "Basic " + mine.token()}) {
            var request = auth == null ? given() : given().header("Authorization", auth);
            request.when().get("/subscriptions/" + mine.id()).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        given().header("Authorization", "Bearer " + other.token()).when().delete("/subscriptions/" + mine.id()).then().statusCode(401);
        given().header("Authorization", "Bearer " + mine.token()).when().get("/subscriptions/" + mine.id()).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"q\": \"***\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"q\": \"a*\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"from\": \"yesterday\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"from\": \"2026-02-02\", \"to\": \"2026-02-01\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"hasCode\": \"maybe\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"modle\": \"BERT\"}, \"webhook\": \"https://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"webhook\": \"ftp://example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"webhook\": \"https://user:pw@example.org/h\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"webhook\": \"not a url\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"webhook\": \"https://example.org/h\", \"email\": \"a@example.org\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"not-an-address\", \"mode\": \"instant\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"weekly\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"daily\"}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"daily\", \"hour\": 24}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"instant\", \"hour\": 3}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"instant\", \"trending\": 5}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"daily\", \"hour\": 3, \"trending\": 0}",
        "{\"query\": {\"model\": \"BERT\"}, \"email\": \"a@example.org\", \"mode\": \"daily\", \"hour\": 3, \"paused\": true}",
        "[1, 2]",
        "{\"query\": "
    })
    void refusesABadBodyWithTheReason(String body) {
        given().header("Authorization", "Bearer " + Notify.KEY).contentType(ContentType.JSON).body(body).when().post("/subscriptions")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400))
                .body("detail", not(equalTo("")));
    }

    @Test
    void aPatchIsCheckedAsAWholeAndChangesNothingWhenRefused() {
        Created created = Notify.create(webhookBody());
        given().header("Authorization", "Bearer " + created.token()).contentType(ContentType.JSON).body(Map.of("mode", "daily"))
                .when().patch("/subscriptions/" + created.id()).then().statusCode(400).body("detail", containsString("hour"));
        given().header("Authorization", "Bearer " + created.token()).when().get("/subscriptions/" + created.id()).then().statusCode(200)
                .body("mode", equalTo("instant"));
    }

    @Test
    void theApiIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/subscriptions'.post", not(nullValue()))
                .body("paths.'/subscriptions/{id}'.patch", not(nullValue()))
                .body("paths.'/subscriptions/{id}/deliveries'.get", not(nullValue()));
    }
}
