package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.TestPapers;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * /digests, /digests/{date} and /stats. Two pages (two sources) on one day, records sent out of order; /stats is
 * checked by difference, as other tests share the store.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class DigestAndStatsTest {
    static final String NS = TestPapers.namespace();
    static final LocalDate DAY = LocalDate.of(2031, 3, 1);
    static final LocalDate NEXT_DAY = LocalDate.of(2031, 3, 2);

    private static JsonPath statsBefore;

    @BeforeEach
    void storePapersOnce() {
        if (statsBefore != null) {
            return;
        }
        statsBefore = given().get("/stats").then().statusCode(200).extract().jsonPath();
        paper("g4", DAY, "hf-trending", 1).send();
        paper("g2", DAY, "hf-daily", 1).send();
        paper("g3", DAY, "hf-trending", 0).send();
        paper("g1", DAY, "hf-daily", 0).entity(EntityType.MODEL, "Gm" + NS).send();
        paper("g3", DAY, "hf-daily", 2).send();
        paper("g5", NEXT_DAY, "hf-daily", 0).entity(EntityType.TASK, "Gt" + NS).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/digests/{date}", DAY.toString()).then().statusCode(200)
                .body("total", equalTo(4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/digests/{date}", NEXT_DAY.toString()).then().statusCode(200));
    }

    @Test
    void dayListsItsPapersInPageOrderOncePerPaper() {
        given().get("/digests/{date}", DAY.toString()).then().statusCode(200)
                .body("items.id", contains(id("g1"), id("g2"), id("g3"), id("g4")))
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items[2].digests.source", contains("hf-daily", "hf-trending"))
                .body("items[2].digests.position", contains(2, 0));
        given().get("/digests/{date}?size=2&page=1", DAY.toString()).then().body("items.id", contains(id("g3"), id("g4")));
        given().get("/digests/{date}?size=2&page=5", DAY.toString()).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void digestsListDaysNewestFirstWithCountsAndSources() {
        JsonPath digests = given().get("/digests?size=100").then().statusCode(200).extract().jsonPath();
        List<String> dates = digests.getList("items.date", String.class);
        int day = dates.indexOf(DAY.toString());
        int next = dates.indexOf(NEXT_DAY.toString());
        assertTrue(next >= 0 && day == next + 1, "newest first: " + dates);
        assertEquals(Map.of("date", DAY.toString(), "papers", 4, "sources", List.of("hf-daily", "hf-trending")),
                digests.getMap("items[" + day + "]"));
        assertEquals(Map.of("date", NEXT_DAY.toString(), "papers", 1, "sources", List.of("hf-daily")),
                digests.getMap("items[" + next + "]"));
        given().get("/digests?size=1&page=0").then().body("items.size()", equalTo(1)).body("total", equalTo(dates.size()));
    }

    @Test
    void unknownDayIs404AndBadDateIs400() {
        given().get("/digests/{date}", "2031-03-09").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("2031-03-09"));
        for (String bad : List.of("2031-13-01", "yesterday", "2031-3-1")) {
            given().get("/digests/{date}", bad).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'date'"));
        }
        given().get("/digests?size=101").then().statusCode(400).body("detail", containsString("'size'"));
    }

    @Test
    void statsCountPapersDigestsAndEntitiesPerType() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = given().get("/stats").then().statusCode(200).extract().jsonPath();
            assertEquals(statsBefore.getLong("papers") + 5, after.getLong("papers"));
            assertEquals(statsBefore.getLong("digests") + 2, after.getLong("digests"));
            assertEquals(statsBefore.getLong("entities.MODEL") + 1, after.getLong("entities.MODEL"));
            assertEquals(statsBefore.getLong("entities.TASK") + 1, after.getLong("entities.TASK"));
            assertEquals(statsBefore.getLong("entities.DATASET"), after.getLong("entities.DATASET"));
            assertEquals(List.of("MODEL", "DATASET", "TASK", "ORG", "FRAMEWORK", "METHOD"),
                    List.copyOf(after.getMap("entities").keySet()));
            assertTrue(after.getString("firstDigest").compareTo(DAY.toString()) <= 0);
            assertTrue(after.getString("lastDigest").compareTo(NEXT_DAY.toString()) >= 0);
        });
    }

    private static TestPapers.Builder paper(String name, LocalDate date, String source, int position) {
        return TestPapers.paper(id(name)).title(NS + " digest paper " + name)
                .abstractText("Listed by " + source + " with Gm" + NS + " and Gt" + NS + ".").listed(date, source, position);
    }

    private static String id(String name) {
        return NS + "-" + name;
    }
}
