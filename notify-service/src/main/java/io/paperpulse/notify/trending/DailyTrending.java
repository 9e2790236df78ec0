package io.paperpulse.notify.trending;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.SearchText;
import io.smallrye.mutiny.Uni;

/**
 * The day's trending entities, from the papers this service saw arrive ({@code seen}): those named by the most
 * papers first seen in the 24 hours before a daily message.
 */
@ApplicationScoped
public class DailyTrending {
    static final Duration DAY = Duration.ofDays(1);

    /** Notes the papers of a poll: the first sighting keeps its time, a revision its entities. */
    public Uni<Void> saw(List<MergedPaper> papers, Instant now) {
        if (papers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<SeenPaper>> writes = new ArrayList<>();
        for (MergedPaper p : papers) {
            Map<String, String> named = new LinkedHashMap<>();
            for (Entity e : p.entities()) {
                named.putIfAbsent(PaperFields.entityTerm(e.type().name(), SearchText.key(e.text())), e.text());
            }
            writes.add(new UpdateOneModel<>(eq("_id", p.id()), combine(setOnInsert("seenAt", Date.from(now)),
                    set("keys", new ArrayList<>(named.keySet())), set("names", new ArrayList<>(named.values()))),
                    new UpdateOptions().upsert(true)));
        }
        return SeenPaper.<SeenPaper>mongoCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** The {@code n} entities named by most papers first seen in the day up to {@code end}. */
    public Uni<List<TrendingEntity>> top(Instant end, int n) {
        return SeenPaper.<SeenPaper>mongoCollection().find(and(gt("seenAt", Date.from(end.minus(DAY))), lte("seenAt", Date.from(end))))
                .collect().asList().map(seen -> top(seen, n));
    }

    static List<TrendingEntity> top(List<SeenPaper> seen, int n) {
        Map<String, Integer> papers = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (SeenPaper s : seen) {
            for (int i = 0; i < s.keys.size(); i++) {
                papers.merge(s.keys.get(i), 1, Integer::sum);
                names.putIfAbsent(s.keys.get(i), s.names.get(i));
            }
        }
        return papers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> new TrendingEntity(e.getKey().substring(0, e.getKey().indexOf(PaperFields.SEPARATOR)), names.get(e.getKey()), e.getValue()))
                .toList();
    }
}
