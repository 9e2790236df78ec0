package io.paperpulse.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.paperpulse.notify.GreenMailResource;
import io.paperpulse.notify.Notify;
import io.paperpulse.notify.match.Subscriptions;
import io.paperpulse.notify.subscription.Credentials;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.subscription.SubscriptionDocument.QueryDocument;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** As deployed (PAPERPULSE_NOTIFY_ALLOW_PRIVATE unset): no webhook to the service's own network, at creation or at delivery. */
@QuarkusTest
@TestProfile(PrivateAddressTest.AsDeployed.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class PrivateAddressTest {

    public static class AsDeployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperpulse.notify.allow-private", "false");
        }
    }

    @Inject
    Subscriptions matching;

    @Inject
    Credentials credentials;

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook", "https://10.1.2.3/hook",
        "https://192.168.0.10/hook", "https://172.16.5.4/hook", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook",
        "https://[::ffff:127.0.0.1]/hook", "https://0.0.0.0/hook", "http://93.184.215.14/hook"})
    void aWebhookToAnInternalAddressOrInPlainHttpIsRefused(String webhook) {
        given().header("Authorization", "Bearer " + Notify.KEY).contentType(ContentType.JSON)
                .body(Map.of("query", Map.of("model", "BERT"), "webhook", webhook, "mode", "instant"))
                .when().post("/subscriptions").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("webhook"));
    }

    @Test
    void aDeliveryToAnAddressThatBecameInternalIsGivenUpWithoutACall() {
        // stored while the host was public (or through another path); its name now resolves to loopback
        String ns = Notify.namespace();
        SubscriptionDocument s = new SubscriptionDocument();
        s.id = Credentials.newId();
        s.salt = Credentials.newSalt();
        s.tokenHash = Credentials.hash(credentials.token(s.id, s.salt));
        s.query = new QueryDocument();
        s.query.q = ns;
        s.webhook = "https://localhost:9/hook";
        s.mode = SubscriptionDocument.INSTANT;
        s.createdAt = new Date();
        s.persist().await().atMost(Duration.ofSeconds(10));
        matching.watch(s).await().atMost(Duration.ofSeconds(10));

        Notify.publish(Notify.paper(ns + "-1", 1, "About " + ns, "Text.", "BERT"));
        String token = credentials.token(s.id, s.salt);
        await().atMost(Notify.WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + token)
                .when().get("/subscriptions/" + s.id + "/deliveries").then()
                .body("[0].status", equalTo("failed")).body("[0].attempts", equalTo(1)).body("[0].lastError", containsString("internal address")));
        given().header("Authorization", "Bearer " + token).when().get("/subscriptions/" + s.id).then().body("status", equalTo("failing"));
    }
}
