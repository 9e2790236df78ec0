package io.paperpulse.query.search;

import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;

import io.paperpulse.query.store.PaperDocument;
import io.paperpulse.query.store.PaperStore;
import io.smallrye.mutiny.Uni;

/**
 * Runs a paper list in two steps both stores support: one pipeline that filters, ranks on a slim projection and
 * returns the page's ids with the total, then one lookup of those ids. Ranking runs in the store, so only a page of
 * full documents ever leaves it.
 */
@ApplicationScoped
public class PaperSearch {
    // with at most SearchText.MAX_QUERY_TERMS terms, matches in a lower field never outweigh one in a higher field
    private static final int TITLE_WEIGHT = 10_000;
    private static final int ENTITY_WEIGHT = 100;
    private static final Bson NEWEST = orderBy(descending("lastSeen"), ascending("_id"));

    @Inject
    PaperStore store;

    public record Page(List<PaperDocument> items, long total) {
    }

    public Uni<Page> search(PaperFilter filter, PaperSort sort, int page, int size) {
        boolean ranked = sort == PaperSort.RELEVANCE && !filter.terms().isEmpty();
        Document slim = new Document("lastSeen", 1).append("sortTitle", 1);
        if (ranked) {
            slim.append("score", score(filter.terms()));
        }
        Bson order = switch (sort) {
            case RELEVANCE -> ranked ? orderBy(descending("score", "lastSeen"), ascending("_id")) : NEWEST;
            case DATE -> NEWEST;
            case TITLE -> orderBy(ascending("sortTitle"), ascending("_id"));
        };
        List<Bson> pipeline = List.of(
                Aggregates.match(filter.toBson()),
                Aggregates.project(slim),
                Aggregates.sort(order),
                Aggregates.facet(
                        new Facet("page", Aggregates.skip(page * size), Aggregates.limit(size)),
                        new Facet("total", Aggregates.group(null, Accumulators.sum("n", 1)))));
        return PaperDocument.<PaperDocument>mongoCollection().aggregate(pipeline, Document.class).collect().first().flatMap(result -> {
            if (result == null) {
                return Uni.createFrom().item(new Page(List.of(), 0));
            }
            List<String> ids = result.getList("page", Document.class).stream().map(d -> d.getString("_id")).toList();
            List<Document> total = result.getList("total", Document.class);
            long count = total.isEmpty() ? 0 : total.get(0).get("n", Number.class).longValue();
            return store.findAll(ids).map(items -> new Page(items, count));
        });
    }

    /**
     * Each term scores by the best field it stands in: title, else an entity name, else (as $all guarantees it is
     * somewhere) the abstract. {@code $in} per term, as {@code $setIntersection} over every term array costs the
     * embedded store about six times more.
     */
    private static Document score(List<String> terms) {
        List<Document> perTerm = terms.stream().map(term -> new Document("$cond", List.of(in(term, "$search.title"), TITLE_WEIGHT,
                new Document("$cond", List.of(in(term, "$search.entities"), ENTITY_WEIGHT, 1))))).toList();
        return new Document("$add", perTerm);
    }

    // $literal: the term is data, never read as a field path or an operator
    private static Document in(String term, String field) {
        return new Document("$in", List.of(new Document("$literal", term), new Document("$ifNull", List.of(field, List.of()))));
    }
}
