package io.paperpulse.query.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.index.IndexScan;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.query.index.PerReader;
import io.paperpulse.search.PaperFields;

/**
 * Digest days from the index's doc values: per day its number of papers and the sources of its pages, computed
 * once per refresh; a day's papers in page order from the papers listed on it.
 */
@ApplicationScoped
public class DigestDays {

    /** A digest day: its number of papers and who published its pages. */
    public record Day(LocalDate date, long papers, List<String> sources) {
    }

    /** A page of a day's papers and how many it lists. */
    public record Listing(List<MergedPaper> papers, long total) {
    }

    @Inject
    PaperIndex index;

    private final PerReader<NavigableMap<LocalDate, Day>> days = new PerReader<>(DigestDays::compute);

    /** Every day, newest first. */
    public List<Day> newestFirst() {
        return List.copyOf(index.read(days::get).descendingMap().values());
    }

    public Optional<LocalDate> first() {
        return Optional.ofNullable(index.read(days::get).firstEntry()).map(Map.Entry::getKey);
    }

    public Optional<LocalDate> last() {
        return index.read(this::last);
    }

    /** The latest digest date in this view of the index. */
    public Optional<LocalDate> last(IndexSearcher searcher) {
        return Optional.ofNullable(days.get(searcher).lastEntry()).map(Map.Entry::getKey);
    }

    /** The day's papers in page order (by source, then position), or empty when no digest has that date. */
    public static Optional<Listing> papers(IndexSearcher searcher, LocalDate date, int page, int size) {
        List<Listed> listed = new ArrayList<>();
        String prefix = date.toString() + PaperFields.SEPARATOR;
        IndexScan.forEach(searcher, new TermQuery(new Term(PaperFields.DATE, date.toString())), leaf -> {
            SortedSetDocValues sightings = DocValues.getSortedSet(leaf.reader(), PaperFields.SIGHTINGS);
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), PaperFields.ID);
            return doc -> {
                ids.advanceExact(doc);
                String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                Listed first = null;
                sightings.advanceExact(doc);
                for (int i = 0; i < sightings.docValueCount(); i++) {
                    String value = sightings.lookupOrd(sightings.nextOrd()).utf8ToString();
                    if (value.startsWith(prefix)) {
                        String[] parts = value.substring(prefix.length()).split(String.valueOf(PaperFields.SEPARATOR), -1);
                        Listed l = new Listed(parts[0], Integer.parseInt(parts[1]), id, leaf.docBase + doc);
                        first = first == null || PAGE_ORDER.compare(l, first) < 0 ? l : first;
                    }
                }
                if (first != null) {
                    listed.add(first);
                }
            };
        });
        if (listed.isEmpty()) {
            return Optional.<Listing>empty();
        }
        listed.sort(PAGE_ORDER);
        int from = (int) Math.min((long) page * size, listed.size());
        int to = Math.min(from + size, listed.size());
        List<MergedPaper> papers = new ArrayList<>();
        for (Listed l : listed.subList(from, to)) {
            papers.add(read(searcher, l.doc()));
        }
        return Optional.of(new Listing(List.copyOf(papers), listed.size()));
    }

    private static MergedPaper read(IndexSearcher searcher, int doc) {
        try {
            return EventJson.read(PaperIndex.json(searcher, doc), MergedPaper.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paper where a day listed it first; {@code doc} is its number in the searcher. */
    private record Listed(String source, int position, String id, int doc) {
    }

    /** By source (unnamed, "", first), then position in that source's page. */
    private static final Comparator<Listed> PAGE_ORDER = Comparator.comparing(Listed::source).thenComparingInt(Listed::position)
            .thenComparing(Listed::id);

    private static NavigableMap<LocalDate, Day> compute(IndexSearcher searcher) {
        List<Map<String, Long>> counts = IndexScan.countAll(searcher, PaperFields.DATES, PaperFields.SIGHTINGS);
        Map<String, Long> papers = counts.get(0);
        Map<String, TreeSet<String>> sources = new HashMap<>();
        counts.get(1).keySet().forEach(sighting -> {
            String[] parts = sighting.split(String.valueOf(PaperFields.SEPARATOR), -1);
            if (!parts[1].isEmpty()) {
                sources.computeIfAbsent(parts[0], d -> new TreeSet<>()).add(parts[1]);
            }
        });
        NavigableMap<LocalDate, Day> days = new TreeMap<>();
        papers.forEach((d, n) -> days.put(LocalDate.parse(d), new Day(LocalDate.parse(d), n,
                List.copyOf(sources.getOrDefault(d, new TreeSet<>())))));
        return days;
    }
}
