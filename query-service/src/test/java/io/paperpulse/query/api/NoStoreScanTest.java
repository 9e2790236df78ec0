package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.TestPapers;
import io.paperpulse.query.store.RecordedCommands;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No request scans or aggregates the store: every list, facet, digest, trend and count is answered by the search
 * index, and the one request that reads the store, a paper by id, reads it by {@code _id}. Counted from the commands
 * the driver sends.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class NoStoreScanTest {
    static final String NS = TestPapers.namespace();
    static final String DATASET = NS + "Bench";
    static final LocalDate DAY = LocalDate.of(2032, 1, 5);

    @Inject
    RecordedCommands commands;

    @Test
    void readRequestsNeverQueryThePapersCollection() {
        TestPapers.paper(NS + "-1").title(NS + " language model evaluation").abstractText("We test BERT on " + DATASET + ".")
                .entity(EntityType.MODEL, "BERT").entity(EntityType.DATASET, DATASET).listed(DAY, "hf", 0).send();
        TestPapers.paper(NS + "-2").title(NS + " vision").abstractText("Results on " + DATASET + ".")
                .entity(EntityType.DATASET, DATASET).listed(DAY, "hf", 1).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers?dataset={d}", DATASET).then().body("total", equalTo(2)));

        commands.clear();
        for (String path : List.of("/papers?size=20", "/papers?q=" + NS + "+language", "/papers?dataset=" + DATASET,
                "/papers?model=bert&sort=date", "/papers?q=" + NS + "*&hasCode=false&from=2032-01-01",
                "/entities?type=DATASET", "/entities?q=" + NS, "/entities/dataset/" + DATASET + "/papers",
                "/trending", "/trending?days=30&type=model", "/digests", "/digests/" + DAY, "/stats")) {
            given().get(path).then().statusCode(200);
        }
        assertEquals(List.of(), commands.onPapers(), "commands on papers while answering lists, facets, digests and stats");

        given().get("/papers/{id}", NS + "-1").then().statusCode(200);
        List<BsonDocument> byId = commands.onPapers();
        assertEquals(1, byId.size(), "one lookup for a paper by id: " + byId);
        assertTrue(byId.get(0).getDocument("filter").keySet().equals(java.util.Set.of("_id")), "by _id only: " + byId);
    }

    @Test
    void writesReadAndWriteByIdOnly() {
        commands.clear();
        String id = NS + "-w";
        TestPapers.paper(id).title(NS + " written").abstractText("Once.").listed(DAY).send();
        TestPapers.awaitStored(id);
        TestPapers.paper(id).title(NS + " written").abstractText("Once.").listed(DAY.plusDays(1)).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers/{id}", id).then()
                .body("digestDates.size()", equalTo(2)));
        for (BsonDocument command : commands.onPapers()) {
            String name = command.getFirstKey();
            switch (name) {
                case "find" -> assertEquals(java.util.Set.of("_id"), command.getDocument("filter").keySet(), command.toJson());
                case "insert" -> { }
                case "update" -> command.getArray("updates").forEach(u -> assertEquals(java.util.Set.of("_id", "rev"),
                        u.asDocument().getDocument("q").keySet(), command.toJson()));
                default -> throw new AssertionError("unexpected command on papers: " + command.toJson());
            }
        }
    }
}
