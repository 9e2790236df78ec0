package io.paperpulse.query.facet;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.query.digest.DigestDayDocument;
import io.paperpulse.query.digest.DigestDayDocument.DayEntity;
import io.paperpulse.query.digest.DigestDays;
import io.paperpulse.query.search.SearchText;
import io.smallrye.mutiny.Uni;

/**
 * Computes trending entities from the precomputed digest days: two windows of days read by id, papers counted once
 * per window even when listed on several of its days.
 */
@ApplicationScoped
public class Trending {
    private static final Comparator<Trend> RISING = Comparator.comparingInt(Trend::change).reversed()
            .thenComparing(Comparator.comparingInt(Trend::current).reversed())
            .thenComparing(t -> SearchText.key(t.name())).thenComparing(Trend::type);

    @Inject
    DigestDays days;

    /** {@code type} null for every type. */
    public Uni<TrendReport> report(String type, int windowDays, int limit) {
        return days.last().flatMap(last -> {
            if (last.isEmpty()) {
                return Uni.createFrom().item(new TrendReport(windowDays, null, null, null, null, List.of()));
            }
            LocalDate to = last.get();
            LocalDate from = to.minusDays(windowDays - 1L);
            LocalDate previousTo = from.minusDays(1);
            LocalDate previousFrom = previousTo.minusDays(windowDays - 1L);
            return days.between(previousFrom, to).map(dayDocs -> new TrendReport(windowDays, from, to, previousFrom, previousTo,
                    rank(dayDocs, type, from, limit)));
        });
    }

    private static List<Trend> rank(List<DigestDayDocument> dayDocs, String type, LocalDate from, int limit) {
        Map<List<String>, Counts> byEntity = new HashMap<>();
        for (DigestDayDocument day : dayDocs) {
            boolean recent = !LocalDate.parse(day.date).isBefore(from);
            for (DayEntity e : day.entities) {
                if (type == null || type.equals(e.type())) {
                    byEntity.computeIfAbsent(List.of(e.type(), e.key()), k -> new Counts()).add(e, recent);
                }
            }
        }
        return byEntity.entrySet().stream().map(entry -> entry.getValue().trend(entry.getKey().get(0)))
                .filter(t -> t.change() > 0).sorted(RISING).limit(limit).toList();
    }

    private static final class Counts {
        final Set<String> current = new HashSet<>();
        final Set<String> previous = new HashSet<>();
        final Map<String, Integer> forms = new HashMap<>();

        void add(DayEntity e, boolean recent) {
            (recent ? current : previous).addAll(e.paperIds());
            e.forms().forEach(f -> forms.merge(f.text(), f.papers(), Integer::sum));
        }

        Trend trend(String type) {
            String name = forms.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            return new Trend(type, name, current.size(), previous.size(), current.size() - previous.size());
        }
    }
}
