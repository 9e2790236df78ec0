package io.paperpulse.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.PaperQueries;

/**
 * Runs a paper list on a view of this replica's index: the filter as a Lucene query ({@link PaperQueries}), an exact
 * total, and the page's papers read from the index itself, so a list never touches the store. With {@code q} each
 * paper carries its highlights.
 */
public final class PaperSearch {
    private static final SortField NEWEST_FIRST = new SortField(PaperFields.LAST_SEEN, SortField.Type.LONG, true);
    private static final SortField BY_ID = new SortField(PaperFields.ID, SortField.Type.STRING);

    private PaperSearch() {
    }

    /** A found paper and, for a search with {@code q}, its matched snippets per field. */
    public record Hit(MergedPaper paper, Map<String, List<String>> highlights) {
    }

    public record Page(List<Hit> items, long total) {
    }

    /** The page as this view of the index has it. */
    public static Page run(IndexSearcher searcher, PaperFilter filter, PaperSort sort, int page, int size) {
        Query query = PaperQueries.of(filter);
        try {
            int total = searcher.count(query);
            long from = (long) page * size;
            if (from >= total) {
                return new Page(List.of(), total);
            }
            int wanted = (int) Math.min(from + size, total);
            TopDocs top = searcher.search(query, new TopFieldCollectorManager(order(filter, sort), wanted, null, wanted, true));
            int[] docs = new int[top.scoreDocs.length - (int) from];
            List<MergedPaper> papers = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[(int) from + i].doc;
                papers.add(EventJson.read(PaperIndex.json(searcher, docs[i]), MergedPaper.class));
            }
            List<Map<String, List<String>>> highlights = filter.query().isEmpty() ? null
                    : Highlights.of(searcher, query, filter.query(), docs, papers);
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                hits.add(new Hit(papers.get(i), highlights == null ? Map.of() : highlights.get(i)));
            }
            return new Page(List.copyOf(hits), total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
