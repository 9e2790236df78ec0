package io.paperpulse.query.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A replica serves at most {@code max-clients} live streams: one more is a 503 problem, and a closed one frees its place. */
@QuarkusTest
@TestProfile(StreamLimitTest.OneStream.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class StreamLimitTest {

    public static class OneStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperpulse.query.stream.max-clients", "1");
        }
    }

    @TestHTTPResource("/papers/stream")
    URI stream;

    @Test
    void oneStreamTooManyIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        try (SseClient first = SseClient.connect(stream)) {
            first.awaitConnected();
            given().accept("text/event-stream").get("/papers/stream").then().statusCode(503)
                    .contentType("application/problem+json").body("status", equalTo(503))
                    .body("detail", containsString("live streams"));
        }
        // the server learns of the closed connection asynchronously: until then the place is still taken
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (SseClient second = SseClient.connect(stream)) {
                second.awaitConnected();
            }
        });
    }
}
