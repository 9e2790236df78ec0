package io.paperpulse.query.facet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.search.IndexSearcher;

import io.paperpulse.query.index.IndexScan;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.query.index.PerReader;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.SearchText;

/**
 * Entity names with paper counts, from the index's doc values: papers per entity key, and per surface form, so the
 * most common form names the entity. Computed once per refresh of the index and shared by every request.
 */
@ApplicationScoped
public class EntityFacets {
    static final Comparator<EntityFacet> MOST_PAPERS = Comparator.comparingLong(EntityFacet::papers).reversed()
            .thenComparing(f -> SearchText.key(f.name())).thenComparing(EntityFacet::type);

    @Inject
    PaperIndex index;

    private final PerReader<List<Facet>> all = new PerReader<>(EntityFacets::compute);

    /** An entity's facet with its folded key, to filter by name. */
    record Facet(String key, EntityFacet facet) {
    }

    /** Facets of one type (or all when {@code type} is null) whose folded name contains {@code query}'s, most papers first. */
    public List<EntityFacet> list(String type, String query) {
        String needle = query == null ? "" : SearchText.key(query);
        return index.read(all::get).stream()
                .filter(f -> (type == null || type.equals(f.facet().type())) && f.key().contains(needle))
                .map(Facet::facet).toList();
    }

    /** Distinct entities per type. */
    public Map<String, Long> countsByType() {
        Map<String, Long> counts = new HashMap<>();
        index.read(all::get).forEach(f -> counts.merge(f.facet().type(), 1L, Long::sum));
        return counts;
    }

    private static List<Facet> compute(IndexSearcher searcher) {
        List<Map<String, Long>> counts = IndexScan.countAll(searcher, PaperFields.ENTITY_KEYS, PaperFields.ENTITY_FORMS);
        return facets(counts.get(0), counts.get(1));
    }

    static List<Facet> facets(Map<String, Long> papers, Map<String, Long> forms) {
        Map<String, List<Map.Entry<String, Long>>> formsByKey = new HashMap<>();
        forms.forEach((value, n) -> {
            int cut = value.lastIndexOf(PaperFields.SEPARATOR);
            formsByKey.computeIfAbsent(value.substring(0, cut), k -> new ArrayList<>()).add(Map.entry(value.substring(cut + 1), n));
        });
        List<Facet> facets = new ArrayList<>();
        papers.forEach((typeKey, n) -> {
            int cut = typeKey.indexOf(PaperFields.SEPARATOR);
            List<String> variants = formsByKey.getOrDefault(typeKey, List.of()).stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            String key = typeKey.substring(cut + 1);
            facets.add(new Facet(key, new EntityFacet(typeKey.substring(0, cut), variants.isEmpty() ? key : variants.get(0), n, variants)));
        });
        facets.sort(Comparator.comparing(Facet::facet, MOST_PAPERS));
        return facets;
    }
}
