package io.paperpulse.search;

import java.time.LocalDate;
import java.util.List;

/**
 * Which papers a list, a live stream or a subscription shows: one definition, answered by the search index
 * ({@link PaperQueries}) for all three, so they cannot disagree.
 *
 * @param query what {@code q} asks for, {@link SearchQuery#NONE} without one
 * @param entities entities the paper must name
 * @param hasCode {@code null} for either
 * @param from earliest digest date, or {@code null}
 * @param to latest digest date, or {@code null}
 */
public record PaperFilter(SearchQuery query, List<EntityCriterion> entities, Boolean hasCode, LocalDate from, LocalDate to) {

    /** An entity by folded key ({@link SearchText#key}), of one type or, when {@code type} is null, of any. */
    public record EntityCriterion(String type, String key) {
    }

    public static PaperFilter entity(String type, String name) {
        return new PaperFilter(SearchQuery.NONE, List.of(new EntityCriterion(type, SearchText.key(name))), null, null, null);
    }
}
