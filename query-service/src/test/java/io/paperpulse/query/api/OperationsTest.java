package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** OpenAPI with every endpoint and parameter described, Swagger UI, readiness of MongoDB and Kafka, metrics. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class OperationsTest {

    @Test
    @SuppressWarnings("unchecked")
    void openApiDescribesEveryEndpointAndParameter() {
        JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        assertEquals(Set.of("/papers", "/papers/{id}", "/papers/stream", "/entities", "/entities/{type}/{name}/papers",
                "/trending", "/digests", "/digests/{date}", "/stats"), paths.keySet());
        List<String> undescribed = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            Map<String, Object> operation = (Map<String, Object>) op;
            if (operation.get("summary") == null) {
                undescribed.add(method + " " + path);
            }
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                if (parameter.get("description") == null || parameter.get("description").toString().isBlank()) {
                    undescribed.add(method + " " + path + " ?" + parameter.get("name"));
                }
            }
        }));
        assertTrue(undescribed.isEmpty(), "undescribed: " + undescribed);
        List<String> papersParams = api.getList("paths.'/papers'.get.parameters.name", String.class);
        assertTrue(papersParams.containsAll(List.of("q", "model", "dataset", "task", "org", "framework", "entity", "hasCode",
                "from", "to", "sort", "page", "size")), papersParams.toString());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void readinessIncludesMongoDbAndKafka() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        List<String> checks = health.getList("checks.name", String.class);
        assertTrue(checks.stream().anyMatch(c -> c.contains("MongoDB")), checks.toString());
        assertTrue(checks.stream().anyMatch(c -> c.contains("Kafka")), checks.toString());
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().get("/papers?size=1").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), "HTTP timers");
        assertTrue(metrics.contains("mongodb_driver_commands_seconds"), "MongoDB command timers");
        assertFalse(metrics.isBlank());
    }

    @Test
    void unknownPathIsProblemJson404() {
        given().get("/no-such-endpoint").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/papers/{id}/more", "x").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health").then().body("checks.name", hasItem(containsString("MongoDB")));
    }
}
