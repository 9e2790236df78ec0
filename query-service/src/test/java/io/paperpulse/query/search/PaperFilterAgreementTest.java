package io.paperpulse.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.pojo.PojoCodecProvider;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.paperpulse.query.search.PaperFilter.EntityCriterion;
import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.query.store.PaperDocument.EntityDocument;
import io.paperpulse.query.store.PaperDocument.SearchTerms;
import io.paperpulse.testing.MongoStoreResource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The two readings of a filter agree: the papers the store returns for {@link PaperFilter#toBson()} are exactly those
 * {@link PaperFilter#matches} accepts, so the live stream shows what the list would.
 */
class PaperFilterAgreementTest {
    private static final List<String> TERMS = List.of("bert", "graph", "cafe", "vision", "x1");
    private static final List<String> KEYS = List.of("bert", "imagenet", "resnet-50");
    private static final List<String> TYPES = List.of("MODEL", "DATASET");
    private static final List<String> DATES = List.of("2030-01-01", "2030-01-02", "2030-01-03", "2030-01-04");

    private static MongoClient client;
    private static MongoCollection<PaperDocument> papers;
    private static List<PaperDocument> stored;

    @BeforeContainer
    static void storeRandomPapers() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(MongoStoreResource.connectionString()))
                .codecRegistry(CodecRegistries.fromRegistries(MongoClientSettings.getDefaultCodecRegistry(),
                        CodecRegistries.fromProviders(PojoCodecProvider.builder().automatic(true).build())))
                .build());
        papers = client.getDatabase("filter-agreement").getCollection("papers", PaperDocument.class);
        papers.drop();
        stored = documents().list().ofSize(60).sample();
        for (int i = 0; i < stored.size(); i++) {
            stored.get(i).id = "p" + i;
        }
        papers.insertMany(stored);
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    @Property(tries = 400)
    void storeAndStreamSelectTheSamePapers(@ForAll("filters") PaperFilter filter) {
        Set<String> inStore = papers.find(filter.toBson()).into(new ArrayList<>()).stream().map(d -> d.id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inJava = stored.stream().filter(filter::matches).map(d -> d.id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inJava, inStore, filter.toString());
    }

    static Arbitrary<PaperDocument> documents() {
        Arbitrary<List<String>> terms = Arbitraries.of(TERMS).set().ofMaxSize(4).map(List::copyOf);
        Arbitrary<EntityDocument> entity = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(KEYS))
                .as((type, key) -> new EntityDocument(type, key.toUpperCase(), key, "abstract", 0, key.length()));
        return Combinators.combine(terms, terms, entity.list().ofMaxSize(3), Arbitraries.of(true, false),
                Arbitraries.of(DATES).set().ofMinSize(1).ofMaxSize(3)).as((title, body, entities, hasCode, dates) -> {
                    PaperDocument d = new PaperDocument();
                    d.entities = entities;
                    d.hasCode = hasCode;
                    d.digestDates = dates.stream().sorted().toList();
                    List<String> all = new ArrayList<>(new TreeSet<>(title));
                    body.stream().filter(t -> !all.contains(t)).forEach(all::add);
                    d.search = new SearchTerms(title, List.of(), all);
                    return d;
                });
    }

    @Provide
    Arbitrary<PaperFilter> filters() {
        Arbitrary<EntityCriterion> criterion = Combinators.combine(Arbitraries.of("MODEL", "DATASET").injectNull(0.4),
                Arbitraries.of(KEYS)).as(EntityCriterion::new);
        Arbitrary<LocalDate> date = Arbitraries.of(DATES).map(LocalDate::parse).injectNull(0.5);
        return Combinators.combine(Arbitraries.of(TERMS).set().ofMaxSize(2).map(List::copyOf), criterion.list().ofMaxSize(2),
                Arbitraries.of(true, false).injectNull(0.5), date, date).as(PaperFilter::new);
    }
}
