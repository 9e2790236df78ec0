package io.paperpulse.query.search;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import io.paperpulse.query.store.PaperDocument;

/**
 * Which papers a list or a live stream shows. One definition, two readings kept side by side: {@link #toBson()} for
 * the store, {@link #matches} for changes arriving on the stream. User text only ever becomes a value compared for
 * equality (folded terms and keys), never an operator or a regular expression.
 *
 * @param terms folded query terms, every one must match ({@link SearchText#queryTerms})
 * @param entities entities the paper must name
 * @param hasCode {@code null} for either
 * @param from earliest digest date, or {@code null}
 * @param to latest digest date, or {@code null}
 */
public record PaperFilter(List<String> terms, List<EntityCriterion> entities, Boolean hasCode, LocalDate from, LocalDate to) {

    /** An entity by folded key ({@link SearchText#key}), of one type or, when {@code type} is null, of any. */
    public record EntityCriterion(String type, String key) {
    }

    public static PaperFilter none() {
        return new PaperFilter(List.of(), List.of(), null, null, null);
    }

    public Bson toBson() {
        List<Bson> parts = new ArrayList<>();
        if (!terms.isEmpty()) {
            parts.add(all("search.all", terms));
        }
        for (EntityCriterion e : entities) {
            parts.add(e.type() == null ? eq("entities.key", e.key())
                    : elemMatch("entities", and(eq("type", e.type()), eq("key", e.key()))));
        }
        if (hasCode != null) {
            parts.add(eq("hasCode", hasCode));
        }
        if (from != null || to != null) {
            Document range = new Document();
            if (from != null) {
                range.append("$gte", from.toString());
            }
            if (to != null) {
                range.append("$lte", to.toString());
            }
            parts.add(new Document("digestDates", new Document("$elemMatch", range)));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }

    public boolean matches(PaperDocument paper) {
        return (terms.isEmpty() || paper.search != null && paper.search.all().containsAll(terms))
                && entities.stream().allMatch(c -> paper.entities != null && paper.entities.stream()
                        .anyMatch(e -> (c.type() == null || c.type().equals(e.type())) && c.key().equals(e.key())))
                && (hasCode == null || hasCode == paper.hasCode)
                && (from == null && to == null || paper.digestDates != null && paper.digestDates.stream().anyMatch(this::inRange));
    }

    private boolean inRange(String date) {
        return (from == null || date.compareTo(from.toString()) >= 0) && (to == null || date.compareTo(to.toString()) <= 0);
    }
}
