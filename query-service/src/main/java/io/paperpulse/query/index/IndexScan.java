package io.paperpulse.query.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/** Visits every live document a query matches, segment by segment, for counts read from doc values. */
public final class IndexScan {

    /** What to do in one segment: set up its doc values, then visit its matching documents. */
    public interface Segment {
        DocVisitor open(LeafReaderContext leaf) throws IOException;
    }

    public interface DocVisitor {
        void visit(int doc) throws IOException;

        /** After the segment's last match. */
        default void done() throws IOException {
        }
    }

    private IndexScan() {
    }

    public static void forEach(IndexSearcher searcher, Query query, Segment segment) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocVisitor visitor = segment.open(leaf);
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(doc);
                    }
                }
                visitor.done();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many live documents hold each value of each of these multi-valued doc-values fields: one map per field, in
     * their order. Counted by ordinal segment by segment, each value decoded once per segment.
     */
    public static List<Map<String, Long>> countAll(IndexSearcher searcher, String... fields) {
        List<Map<String, Long>> counts = new ArrayList<>();
        for (int f = 0; f < fields.length; f++) {
            counts.add(new HashMap<>());
        }
        forEach(searcher, new MatchAllDocsQuery(), leaf -> {
            SortedSetDocValues[] values = new SortedSetDocValues[fields.length];
            long[][] ords = new long[fields.length][];
            for (int f = 0; f < fields.length; f++) {
                values[f] = DocValues.getSortedSet(leaf.reader(), fields[f]);
                ords[f] = countsFor(values[f]);
            }
            return new DocVisitor() {
                @Override
                public void visit(int doc) throws IOException {
                    for (int f = 0; f < fields.length; f++) {
                        countOrds(values[f], doc, ords[f]);
                    }
                }

                @Override
                public void done() throws IOException {
                    for (int f = 0; f < fields.length; f++) {
                        Map<String, Long> field = counts.get(f);
                        decode(values[f], ords[f], (value, n) -> field.merge(value, n, Long::sum));
                    }
                }
            };
        });
        return counts;
    }

    /** Adds to {@code counts} (indexed by ordinal) one for each value of {@code doc}; no-op without values. */
    public static void countOrds(SortedSetDocValues dv, int doc, long[] counts) throws IOException {
        if (dv != null && dv.advanceExact(doc)) {
            for (int i = 0; i < dv.docValueCount(); i++) {
                counts[(int) dv.nextOrd()]++;
            }
        }
    }

    /** Each value of a segment's field whose count is not zero, decoded once. */
    public static void decode(SortedSetDocValues dv, long[] counts, CountVisitor visitor) throws IOException {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                visitor.visit(dv.lookupOrd(ord).utf8ToString(), counts[ord]);
            }
        }
    }

    public interface CountVisitor {
        void visit(String value, long count) throws IOException;
    }

    public static long[] countsFor(SortedSetDocValues dv) {
        return new long[dv == null ? 0 : Math.toIntExact(dv.getValueCount())];
    }
}
