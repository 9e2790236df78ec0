package io.paperpulse.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.search.PaperFilter.EntityCriterion;

/**
 * The filters of {@code GET /papers} as its request gives them, read strictly into a {@link PaperFilter}: the one
 * reading of a list, a live stream and a subscription, so that they ask the index the same question. A bad value is
 * a {@link BadParameterException} naming the parameter; an absent or blank one is not applied.
 */
public record FilterParams(String q, String model, String dataset, String task, String org, String framework, String entity,
        String hasCode, String from, String to) {

    public PaperFilter toFilter() {
        List<EntityCriterion> entities = new ArrayList<>();
        addEntity(entities, "model", EntityType.MODEL, model);
        addEntity(entities, "dataset", EntityType.DATASET, dataset);
        addEntity(entities, "task", EntityType.TASK, task);
        addEntity(entities, "org", EntityType.ORG, org);
        addEntity(entities, "framework", EntityType.FRAMEWORK, framework);
        addEntity(entities, "entity", null, entity);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadParameterException("from", "must not be after 'to'");
        }
        return new PaperFilter(query(), List.copyOf(entities), Params.bool("hasCode", hasCode), fromDate, toDate);
    }

    private SearchQuery query() {
        String query = Params.text("q", q);
        if (query == null) {
            return SearchQuery.NONE;
        }
        try {
            return SearchQuery.parse(query);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("q", e.getMessage());
        }
    }

    private static void addEntity(List<EntityCriterion> entities, String param, EntityType type, String value) {
        String name = Params.text(param, value);
        if (name != null) {
            entities.add(new EntityCriterion(type == null ? null : type.name(), SearchText.key(name)));
        }
    }
}
