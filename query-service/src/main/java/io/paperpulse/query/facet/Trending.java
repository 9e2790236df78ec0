package io.paperpulse.query.facet;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

import io.paperpulse.query.digest.DigestDays;
import io.paperpulse.query.index.IndexScan;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.query.index.PerReader;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.SearchText;

/**
 * Trending entities from the index: the papers listed in each of two windows of days, each paper counted once per
 * window even when listed on several of its days. A report is computed once per window length and refresh of the
 * index, for every type at once, and shared by the requests until the next refresh.
 */
@ApplicationScoped
public class Trending {
    private static final Comparator<Trend> RISING = Comparator.comparingInt(Trend::change).reversed()
            .thenComparing(Comparator.comparingInt(Trend::current).reversed())
            .thenComparing(t -> SearchText.key(t.name())).thenComparing(Trend::type);

    @Inject
    PaperIndex index;

    @Inject
    DigestDays days;

    private final PerReader<Map<Integer, TrendReport>> reports = new PerReader<>(searcher -> new ConcurrentHashMap<>());

    /** {@code type} null for every type. */
    public TrendReport report(String type, int windowDays, int limit) {
        TrendReport all = index.read(searcher -> reports.get(searcher).computeIfAbsent(windowDays, d -> compute(searcher, d)));
        return new TrendReport(all.days(), all.from(), all.to(), all.previousFrom(), all.previousTo(),
                all.items().stream().filter(t -> type == null || type.equals(t.type())).limit(limit).toList());
    }

    private TrendReport compute(IndexSearcher searcher, int windowDays) {
        LocalDate to = days.last(searcher).orElse(null);
        if (to == null) {
            return new TrendReport(windowDays, null, null, null, null, List.of());
        }
        LocalDate from = to.minusDays(windowDays - 1L);
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(windowDays - 1L);
        String fromText = from.toString();
        String previousFromText = previousFrom.toString();
        String toText = to.toString();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Long> forms = new HashMap<>();
        IndexScan.forEach(searcher, IntPoint.newRangeQuery(PaperFields.DAY, PaperFields.day(previousFrom), PaperFields.day(to)), leaf -> {
            SortedSetDocValues dates = DocValues.getSortedSet(leaf.reader(), PaperFields.DATES);
            SortedSetDocValues keys = DocValues.getSortedSet(leaf.reader(), PaperFields.ENTITY_KEYS);
            SortedSetDocValues formValues = DocValues.getSortedSet(leaf.reader(), PaperFields.ENTITY_FORMS);
            long[] current = IndexScan.countsFor(keys);
            long[] previous = IndexScan.countsFor(keys);
            long[] formCounts = IndexScan.countsFor(formValues);
            return new IndexScan.DocVisitor() {
                @Override
                public void visit(int doc) throws IOException {
                    boolean inCurrent = false;
                    boolean inPrevious = false;
                    if (dates.advanceExact(doc)) {
                        for (int i = 0; i < dates.docValueCount(); i++) {
                            String date = dates.lookupOrd(dates.nextOrd()).utf8ToString();
                            inCurrent |= date.compareTo(fromText) >= 0 && date.compareTo(toText) <= 0;
                            inPrevious |= date.compareTo(previousFromText) >= 0 && date.compareTo(fromText) < 0;
                        }
                    }
                    if (inCurrent) {
                        IndexScan.countOrds(keys, doc, current);
                    }
                    if (inPrevious) {
                        IndexScan.countOrds(keys, doc, previous);
                    }
                    IndexScan.countOrds(formValues, doc, formCounts);
                }

                @Override
                public void done() throws IOException {
                    IndexScan.decode(keys, current, (k, n) -> counts.computeIfAbsent(k, x -> new int[2])[0] += (int) n);
                    IndexScan.decode(keys, previous, (k, n) -> counts.computeIfAbsent(k, x -> new int[2])[1] += (int) n);
                    IndexScan.decode(formValues, formCounts, (f, n) -> forms.merge(f, n, Long::sum));
                }
            };
        });
        Map<String, EntityFacet> named = new HashMap<>();
        EntityFacets.facets(counts.keySet().stream().collect(Collectors.toMap(k -> k, k -> 1L)), forms)
                .forEach(f -> named.put(PaperFields.entityTerm(f.facet().type(), f.key()), f.facet()));
        List<Trend> rising = counts.entrySet().stream()
                .map(e -> {
                    EntityFacet f = named.get(e.getKey());
                    return new Trend(f.type(), f.name(), e.getValue()[0], e.getValue()[1], e.getValue()[0] - e.getValue()[1]);
                })
                .filter(t -> t.change() > 0).sorted(RISING).toList();
        return new TrendReport(windowDays, from, to, previousFrom, previousTo, rising);
    }
}
