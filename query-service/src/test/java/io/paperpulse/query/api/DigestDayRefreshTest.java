package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.paperpulse.query.TestPapers;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A day's page is kept between refreshes of the index, never past one: a paper listed later shows on the same page. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class DigestDayRefreshTest {
    static final String NS = TestPapers.namespace();
    static final LocalDate DAY = LocalDate.of(2031, 4, 1);

    @Test
    void aPaperListedAfterTheDayWasReadShowsOnItsPage() {
        paper("first", 0).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/digests/{date}", DAY.toString()).then()
                .statusCode(200).body("items.id", contains(NS + "-first")));
        given().get("/digests/{date}", DAY.toString()).then().body("total", equalTo(1)); // the page as kept

        paper("second", 1).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/digests/{date}", DAY.toString()).then()
                .statusCode(200).body("items.id", contains(NS + "-first", NS + "-second")).body("total", equalTo(2)));
    }

    private static TestPapers.Builder paper(String name, int position) {
        return TestPapers.paper(NS + "-" + name).title(NS + " refreshed day " + name).abstractText("Listed on " + DAY + ".")
                .listed(DAY, "hf-daily", position);
    }
}
