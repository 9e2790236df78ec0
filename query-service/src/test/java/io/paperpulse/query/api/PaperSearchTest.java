package io.paperpulse.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.TestPapers;
import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.search.OnePaperIndex;
import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /papers: every filter and order with a known answer over five papers of this class's namespace (every query
 * includes the namespace, so other tests' papers never show), and the same answer from the live stream's reading.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class PaperSearchTest {
    static final String NS = TestPapers.namespace();
    static final String MODEL = NS.toUpperCase() + "BERT";
    static final String DATASET = NS.toUpperCase() + "Set";
    static final LocalDate D1 = LocalDate.of(2030, 2, 1);
    static final LocalDate D2 = LocalDate.of(2030, 2, 2);
    static final LocalDate D3 = LocalDate.of(2030, 2, 3);
    static final LocalDate D4 = LocalDate.of(2030, 2, 4);
    /** Placeholders of the cases below, longest first, replaced in one pass. */
    static final Pattern PLACEHOLDERS = Pattern.compile("MODELLOWER|MODEL|DATASET|NSTORCH|NS|D1|D2|D3|D4");

    private static boolean stored;

    // once per class, but after Quarkus has started (RestAssured knows the port only then)
    @BeforeEach
    void storePapersOnce() {
        if (stored) {
            return;
        }
        stored = true;
        TestPapers.paper(NS + "-a").title(NS + " Pre-trained Transformers for Café Reviews")
                .abstractText("We fine-tune " + MODEL + " on " + DATASET + " for " + NS + " sentiment analysis. Code: https://github.com/x/y.")
                .entity(EntityType.MODEL, MODEL).entity(EntityType.DATASET, DATASET).entity(EntityType.TASK, NS + " sentiment analysis")
                .link("https://github.com/x/y").listed(D1).send();
        TestPapers.paper(NS + "-b").title(NS + " Scaling " + MODEL)
                .abstractText("A study of scaling laws for pretrained models. See https://" + NS + ".example.org.")
                .entity(EntityType.MODEL, MODEL).link("https://" + NS + ".example.org").listed(D2).send();
        TestPapers.paper(NS + "-c").title(NS + " Graph Learning")
                .abstractText("We evaluate on " + DATASET + " with " + NS + "Torch, by " + NS + "Lab; the cafe is irrelevant.")
                .entity(EntityType.DATASET, DATASET).entity(EntityType.FRAMEWORK, NS + "Torch").entity(EntityType.ORG, NS + "Lab")
                .listed(D3).send();
        var d = TestPapers.paper(NS + "-d").title(NS + " Vision Survey")
                .abstractText("Nothing about models here, only " + MODEL.toLowerCase() + " in lower case.")
                .entity(EntityType.MODEL, MODEL.toLowerCase());
        d.listed(D1).send();
        d.listed(D3).send();
        TestPapers.paper(NS + "-e").title(NS + " Notes").abstractText("We do not treat " + DATASET.toLowerCase() + " as a dataset here.")
                .listed(D4).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers?q={ns}", NS).then().body("total", equalTo(5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/papers/{id}", NS + "-d").then()
                .body("digestDates.size()", equalTo(2)));
    }

    // Ranked by BM25 since the search index: every title names NS, so papers naming it again (a: abstract and a task;
    // b: its link) rank first and shorter titles next, where the store's old scoring counted one title match alike
    // for all and fell back to the newest.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            q=NS                                      | a b e c d
            q=MODEL                                   | b d a
            q=DATASET                                 | c a e
            q=NS cafe                                 | a c
            q=NS CAFÉ                                 | a c
            q=pretrained NS                           | a b
            q=pre-trained NS                          | a b
            q=NS $where                               |
            model=MODEL&q=NS                          | a b d
            model=MODELLOWER&q=NS                     | a b d
            dataset=DATASET&q=NS                      | a c
            task=NS sentiment analysis                | a
            org=NSLab                                 | c
            framework=NSTORCH                         | c
            entity=DATASET                            | c a
            model=MODEL&dataset=DATASET               | a
            dataset=MODEL&q=NS                        |
            hasCode=true&q=NS                         | a
            hasCode=FALSE&q=NS                        | b e c d
            from=D3&q=NS                              | e c d
            from=D2&to=D2&q=NS                        | b
            to=D1&q=NS                                | a d
            q=NS&sort=date                            | e c d b a
            q=NS&sort=title                           | c e a b d
            q=NS&sort=date&size=2&page=1              | d b
            q=NS&sort=date&size=2&page=9              |
            """)
    void listAnswersWithTheExpectedPapersInOrder(String query, String expected) {
        Map<String, String> params = params(query);
        List<String> ids = given().queryParams(params).get("/papers").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        List<String> want = expected == null ? List.of() : List.of(expected.split(" ")).stream().map(s -> NS + "-" + s).toList();
        assertEquals(want, ids);
        if (!params.containsKey("page")) {
            assertEquals(want.stream().sorted().toList(), streamReading(params), "the live stream's reading of " + query);
        }
    }

    @Test
    void totalCountsEveryMatchNotJustThePage() {
        given().get("/papers?q={ns}&size=2", NS).then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2)).body("items.size()", equalTo(2));
    }

    @Test
    void searchItemsCarryWhatMatchedPerFieldMarked() {
        JsonPath page = given().get("/papers?q={ns} cafe", NS).then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> a = highlights(page, "a");
        assertEquals(List.of("<mark>" + NS + "</mark> Pre-trained Transformers for <mark>Café</mark> Reviews"), a.get("title"));
        assertEquals(List.of("<mark>" + NS + " sentiment analysis</mark>"), a.get("entities"), "an entity name holding a query word");
        assertEquals(List.of("We fine-tune " + MODEL + " on " + DATASET + " for <mark>" + NS + "</mark> sentiment analysis. "), a.get("abstract"),
                "the sentence that matched, not the one that did not");
        Map<String, List<String>> c = highlights(page, "c");
        assertEquals(List.of("<mark>" + NS + "</mark> Graph Learning"), c.get("title"));
        assertEquals(List.of(), c.get("abstract").stream().filter(s -> !s.contains("the <mark>cafe</mark> is irrelevant.")).toList());
        assertFalse(c.containsKey("entities"), "no entity name of c holds a query word: " + c);
    }

    @Test
    void phrasesAndPrefixesAreMarkedWhereTheyMatched() {
        JsonPath phrase = given().get("/papers?q={q}", NS + " \"sentiment analysis\"").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(NS + "-a"), phrase.getList("items.id", String.class));
        assertTrue(highlights(phrase, "a").get("abstract").get(0).matches(".* for <mark>" + NS + "</mark> <mark>sentiment</mark> <mark>analysis</mark>\\. "),
                highlights(phrase, "a").toString());
        JsonPath prefix = given().get("/papers?q={q}", NS + " scal*").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(NS + "-b"), prefix.getList("items.id", String.class));
        assertEquals(List.of("<mark>" + NS + "</mark> <mark>Scaling</mark> " + MODEL), highlights(prefix, "b").get("title"));
        assertTrue(highlights(prefix, "b").get("abstract").get(0).startsWith("A study of <mark>scaling</mark> laws"), highlights(prefix, "b").toString());
    }

    @Test
    void listsWithoutQCarryNoHighlights() {
        given().get("/papers?model={m}", MODEL).then().statusCode(200).body("items.size()", equalTo(3))
                .body("items.findAll { it.containsKey('highlights') }", equalTo(List.of()));
    }

    private static Map<String, List<String>> highlights(JsonPath page, String paper) {
        Map<String, List<String>> found = page.getMap("items.find { it.id == '" + NS + "-" + paper + "' }.highlights");
        assertNotNull(found, paper + " is on the page with highlights");
        return found;
    }

    @Test
    void paperCarriesItsDigestsAndCodeFlag() {
        given().get("/papers/{id}", NS + "-d").then().statusCode(200)
                .body("digests.date", equalTo(List.of(D1.toString(), D3.toString())))
                .body("firstSeen", equalTo(D1.toString())).body("lastSeen", equalTo(D3.toString()))
                .body("hasCode", equalTo(false));
        given().get("/papers/{id}", NS + "-a").then().body("hasCode", equalTo(true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sort=newest              | 'sort'
            from=2030-02-31          | 'from'
            to=yesterday             | 'to'
            from=2030-02-04&to=2030-02-01 | 'from'
            hasCode=yes              | 'hasCode'
            q=.*                     | 'q'
            q=a b c d e f g h i j k  | 'q'
            page=x                   | 'page'
            size=0                   | 'size'
            page=1000001             | 'page'
            """)
    void badParameterIsProblemJsonNamingIt(String query, String named) {
        given().queryParams(params(query)).get("/papers").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("detail", containsString(named));
    }

    @Test
    void overlongTextIsRejected() {
        given().queryParam("model", "x".repeat(201)).get("/papers").then().statusCode(400).body("detail", containsString("'model'"));
    }

    /** The ids among this namespace's papers that the stream's filter accepts. */
    private static List<String> streamReading(Map<String, String> params) {
        PaperFilterParams bean = new PaperFilterParams();
        params.forEach((name, value) -> {
            try {
                PaperFilterParams.class.getDeclaredField(name).set(bean, value);
            } catch (NoSuchFieldException e) {
                // page, size, sort: not filters
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        var filter = bean.toFilter();
        return List.of("a", "b", "c", "d", "e").stream().map(s -> NS + "-" + s)
                .map(id -> PaperDocument.<PaperDocument>findById(id).await().atMost(Duration.ofSeconds(10)).toMerged())
                .filter(p -> new OnePaperIndex(p).matches(filter)).map(MergedPaper::id).sorted().toList();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> values = Map.of("MODELLOWER", MODEL.toLowerCase(), "MODEL", MODEL, "DATASET", DATASET,
                "NSTORCH", (NS + "Torch").toUpperCase(), "NS", NS, "D1", D1.toString(), "D2", D2.toString(),
                "D3", D3.toString(), "D4", D4.toString());
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), PLACEHOLDERS.matcher(pair.substring(eq + 1)).replaceAll(m -> values.get(m.group())));
        }
        return params;
    }
}
