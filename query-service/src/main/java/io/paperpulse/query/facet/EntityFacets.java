package io.paperpulse.query.facet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import io.paperpulse.query.search.SearchText;
import io.paperpulse.query.store.PaperDocument;
import io.smallrye.mutiny.Uni;

/**
 * Entity names with paper counts, grouped in the store: one row per (entity, form) leaves it, with the entity's paper
 * count and the form's, so the most common form can be picked here.
 */
@ApplicationScoped
public class EntityFacets {
    private static final Comparator<EntityFacet> MOST_PAPERS = Comparator.comparingLong(EntityFacet::papers).reversed()
            .thenComparing(f -> SearchText.key(f.name())).thenComparing(EntityFacet::type);

    /** Facets of one type (or all when {@code type} is null) whose folded name contains {@code query}'s, most papers first. */
    public Uni<List<EntityFacet>> list(String type, String query) {
        String needle = query == null ? "" : SearchText.key(query);
        return PaperDocument.<PaperDocument>mongoCollection().aggregate(pipeline(type), Document.class).collect().asList()
                .map(rows -> facets(rows).stream().filter(f -> f.key.contains(needle)).map(Grouped::facet).sorted(MOST_PAPERS).toList());
    }

    private static List<Bson> pipeline(String type) {
        List<Bson> stages = new ArrayList<>();
        if (type != null) {
            stages.add(Aggregates.match(Filters.eq("entities.type", type)));
        }
        stages.add(Aggregates.unwind("$entities"));
        if (type != null) {
            stages.add(Aggregates.match(Filters.eq("entities.type", type)));
        }
        // one row per paper and entity (its forms), then per entity (paper count), then per entity and form
        stages.add(Aggregates.group(new Document("t", "$entities.type").append("k", "$entities.key").append("p", "$_id"),
                Accumulators.addToSet("forms", "$entities.text")));
        stages.add(Aggregates.group(new Document("t", "$_id.t").append("k", "$_id.k"),
                Accumulators.sum("papers", 1), Accumulators.push("forms", "$forms")));
        stages.add(Aggregates.unwind("$forms"));
        stages.add(Aggregates.unwind("$forms"));
        stages.add(Aggregates.group(new Document("t", "$_id.t").append("k", "$_id.k").append("f", "$forms"),
                Accumulators.sum("n", 1), Accumulators.first("papers", "$papers")));
        return stages;
    }

    private static List<Grouped> facets(List<Document> rows) {
        Map<List<String>, Grouped> byEntity = new LinkedHashMap<>();
        for (Document row : rows) {
            Document id = row.get("_id", Document.class);
            Grouped g = byEntity.computeIfAbsent(List.of(id.getString("t"), id.getString("k")),
                    k -> new Grouped(k.get(0), k.get(1), row.get("papers", Number.class).longValue()));
            g.forms.put(id.getString("f"), row.get("n", Number.class).longValue());
        }
        return List.copyOf(byEntity.values());
    }

    private static final class Grouped {
        final String type;
        final String key;
        final long papers;
        final Map<String, Long> forms = new LinkedHashMap<>();

        Grouped(String type, String key, long papers) {
            this.type = type;
            this.key = key;
            this.papers = papers;
        }

        EntityFacet facet() {
            List<String> variants = forms.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            return new EntityFacet(type, variants.get(0), papers, variants);
        }
    }
}
