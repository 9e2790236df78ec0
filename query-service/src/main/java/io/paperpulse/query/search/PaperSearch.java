package io.paperpulse.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.index.PaperFields;
import io.paperpulse.query.index.PaperIndex;

/**
 * Runs a paper list on this replica's index: the filter as a Lucene query ({@link PaperQueries}), an exact total,
 * and the page's papers read from the index itself, so a list never touches the store. With {@code q} each paper
 * carries its highlights.
 */
@ApplicationScoped
public class PaperSearch {
    private static final SortField NEWEST_FIRST = new SortField(PaperFields.LAST_SEEN, SortField.Type.LONG, true);
    private static final SortField BY_ID = new SortField(PaperFields.ID, SortField.Type.STRING);

    @Inject
    PaperIndex index;

    /** A found paper and, for a search with {@code q}, its matched snippets per field. */
    public record Hit(MergedPaper paper, Map<String, List<String>> highlights) {
    }

    public record Page(List<Hit> items, long total) {
    }

    public Page search(PaperFilter filter, PaperSort sort, int page, int size) {
        Query query = PaperQueries.of(filter);
        return index.read(searcher -> {
            try {
                int total = searcher.count(query);
                long from = (long) page * size;
                if (from >= total) {
                    return new Page(List.of(), total);
                }
                int wanted = (int) Math.min(from + size, total);
                TopDocs top = searcher.search(query, new TopFieldCollectorManager(order(filter, sort), wanted, null, wanted, true));
                List<Hit> hits = new ArrayList<>();
                Highlights highlights = filter.query().isEmpty() ? null : new Highlights(query);
                for (int i = (int) from; i < top.scoreDocs.length; i++) {
                    MergedPaper paper = EventJson.read(PaperIndex.json(searcher, top.scoreDocs[i].doc), MergedPaper.class);
                    hits.add(new Hit(paper, highlights == null ? Map.of() : highlights.of(paper)));
                }
                return new Page(hits, total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every order ends on the id, so pages never overlap. */
    static Sort order(PaperFilter filter, PaperSort sort) {
        return switch (sort) {
            case RELEVANCE -> filter.query().isEmpty() ? new Sort(NEWEST_FIRST, BY_ID) : new Sort(SortField.FIELD_SCORE, NEWEST_FIRST, BY_ID);
            case DATE -> new Sort(NEWEST_FIRST, BY_ID);
            case TITLE -> new Sort(new SortField(PaperFields.SORT_TITLE, SortField.Type.STRING), BY_ID);
        };
    }
}
