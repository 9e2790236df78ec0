package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.TestPapers;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /entities, /entities/{type}/{name}/papers and /trending over papers of this class's namespace. The digests are in
 * 2099, later than any other test's, so the trending windows (anchored on the latest digest) hold only them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class EntityAndTrendingTest {
    static final String NS = TestPapers.namespace();
    static final String ALPHA = "Alpha" + NS;
    static final String ALPHA_UPPER = ALPHA.toUpperCase();
    static final String BETA = "Beta" + NS;
    static final String GAMMA = "Gamma" + NS;
    static final String DELTA = "Delta" + NS;

    private static boolean stored;

    @BeforeEach
    void storePapersOnce() {
        if (stored) {
            return;
        }
        stored = true;
        paper("t1", day(10), ALPHA, BETA).send();
        paper("t2", day(10), ALPHA_UPPER).send();
        var t3 = paper("t3", day(9), ALPHA, BETA);
        t3.send();
        t3.listed(day(10)).send();
        paper("t4", day(8), ALPHA, GAMMA).send();
        paper("t5", day(7), GAMMA).send();
        paper("t6", day(9), GAMMA).send();
        paper("t7", day(5), DELTA).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers?q={ns}", NS).then().body("total", equalTo(7)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers/{id}", NS + "-t3").then()
                .body("digestDates.size()", equalTo(2)));
    }

    @Test
    void entitiesGroupCaseVariantsUnderTheMostCommonForm() {
        given().get("/entities?q={ns}", NS).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.name", contains(ALPHA, GAMMA, BETA, DELTA))
                .body("items.type", contains("MODEL", "MODEL", "DATASET", "TASK"))
                .body("items.papers", contains(4, 3, 2, 1))
                .body("items[0].variants", contains(ALPHA, ALPHA_UPPER));
    }

    @Test
    void entitiesFilterByTypeAndPage() {
        given().get("/entities?type=model&q={ns}", NS).then().statusCode(200).body("items.name", contains(ALPHA, GAMMA));
        given().get("/entities?type=DATASET&q=" + BETA.toUpperCase()).then().body("items.name", contains(BETA));
        given().get("/entities?q={ns}&size=2&page=1", NS).then()
                .body("items.name", contains(BETA, DELTA)).body("total", equalTo(4)).body("page", equalTo(1));
    }

    @Test
    void papersOfAnEntityMatchAnyCase() {
        given().get("/entities/model/{name}/papers", ALPHA_UPPER).then().statusCode(200)
                .body("total", equalTo(4)).body("items.id", contains(id("t1"), id("t2"), id("t3"), id("t4")));
        given().get("/entities/MODEL/{name}/papers?sort=title&size=1", ALPHA.toLowerCase()).then().statusCode(200)
                .body("items.id", contains(id("t1"))).body("total", equalTo(4));
    }

    @Test
    void unknownEntityIs404AndUnknownTypeIs400() {
        given().get("/entities/dataset/{name}/papers", ALPHA).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(ALPHA));
        given().get("/entities/model/{name}/papers", "a/b " + NS).then().statusCode(404).contentType("application/problem+json");
        given().get("/entities/planet/{name}/papers", ALPHA).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'type'"));
        given().get("/entities?type=planet").then().statusCode(400).body("detail", containsString("'type'"));
    }

    @Test
    void trendingComparesTheLastDaysWithTheDaysBefore() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/trending?days=2").then().statusCode(200)
                .body("days", equalTo(2))
                .body("from", equalTo("2099-01-09")).body("to", equalTo("2099-01-10"))
                .body("previousFrom", equalTo("2099-01-07")).body("previousTo", equalTo("2099-01-08"))
                .body("items.name", contains(ALPHA, BETA))
                .body("items.type", contains("MODEL", "DATASET"))
                .body("items.current", contains(3, 2))
                .body("items.previous", contains(1, 0))
                .body("items.change", contains(2, 2)));
    }

    @Test
    void trendingFiltersByTypeLimitsAndTakesAnyWindow() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/trending?days=2&type=dataset").then().body("items.name", contains(BETA));
            given().get("/trending?days=2&limit=1").then().body("items.name", contains(ALPHA));
            given().get("/trending?days=1").then().body("items.name", contains(ALPHA, BETA))
                    .body("items.previous", contains(1, 1));
            given().get("/trending?days=3").then().body("items.name", contains(ALPHA, BETA, GAMMA))
                    .body("items.current", contains(4, 2, 2)).body("items.previous", contains(0, 0, 1));
        });
    }

    @Test
    void trendingRejectsBadParameters() {
        for (String bad : List.of("days=0", "days=366", "days=seven", "limit=0", "limit=101", "type=planet")) {
            given().get("/trending?" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + bad.substring(0, bad.indexOf('=')) + "'"));
        }
    }

    private static TestPapers.Builder paper(String name, LocalDate date, String... entities) {
        StringBuilder text = new StringBuilder("We study");
        for (String e : entities) {
            text.append(' ').append(e).append(',');
        }
        TestPapers.Builder b = TestPapers.paper(id(name)).title(NS + " paper " + name).abstractText(text + " and more.").listed(date);
        for (String e : entities) {
            EntityType type = e.startsWith("Alpha") || e.startsWith("ALPHA") || e.startsWith("Gamma") ? EntityType.MODEL
                    : e.startsWith("Beta") ? EntityType.DATASET : EntityType.TASK;
            b.entity(type, e);
        }
        return b;
    }

    private static String id(String name) {
        return NS + "-" + name;
    }

    private static LocalDate day(int day) {
        return LocalDate.of(2099, 1, day);
    }
}
