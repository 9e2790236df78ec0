package io.paperpulse.query.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.config.QueryConfig;
import io.paperpulse.search.FoldingAnalyzer;
import io.paperpulse.search.PaperFields;

/**
 * This replica's search index of every paper, on local disk. It is only ever written from the changelog
 * ({@link ChangelogFollower}), keeps the highest revision of each paper, and commits the changelog position with its
 * data, so a restart resumes where its last commit stopped and an empty folder rebuilds from the start.
 */
@ApplicationScoped
public class PaperIndex {
    /** Commit data: the changelog position, one "partition:next offset" pair per partition, comma separated. */
    static final String POSITION = "changelog.position";
    /** Commit data: the cluster and topic the position belongs to; another one means rebuild. */
    static final String ORIGIN = "changelog.origin";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> committed;
    /** Revisions applied since the last refresh, which searches (and so {@link #indexedRev}) do not see yet. */
    private final Map<String, Long> unrefreshed = new HashMap<>();

    @Inject
    public PaperIndex(QueryConfig config) {
        try {
            Files.createDirectories(config.index().directory());
            directory = FSDirectory.open(config.index().directory());
            committed = DirectoryReader.indexExists(directory) ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            IndexWriterConfig settings = new IndexWriterConfig(FoldingAnalyzer.forIndexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(32)
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, settings);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + config.index().directory(), e);
        }
    }

    /** The changelog position of the last commit for {@code origin}; empty when the index is new or from elsewhere. */
    public Map<Integer, Long> committedPosition(String origin) {
        if (!origin.equals(committed.get(ORIGIN)) || committed.get(POSITION) == null || committed.get(POSITION).isEmpty()) {
            return Map.of();
        }
        Map<Integer, Long> position = new HashMap<>();
        for (String pair : committed.get(POSITION).split(",")) {
            String[] parts = pair.split(":");
            position.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
        return position;
    }

    /** Forgets everything: the changelog this index followed is not the one it follows now. */
    public void clear() throws IOException {
        writer.deleteAll();
        refresh();
    }

    /**
     * Applies changelog values in order; returns the papers whose revision rose, in the order they were applied.
     * Searches see them after the next {@link #refresh()}.
     */
    public List<MergedPaper> apply(List<Change> changes) throws IOException {
        Map<String, MergedPaper> raised = new LinkedHashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (Change change : changes) {
                long indexed = unrefreshed.computeIfAbsent(change.paper().id(), id -> indexedRev(searcher, id));
                if (change.paper().rev() > indexed) {
                    writer.updateDocument(new Term(PaperFields.ID, change.paper().id()), PaperFields.document(change.paper(), change.json()));
                    unrefreshed.put(change.paper().id(), change.paper().rev());
                    raised.remove(change.paper().id());
                    raised.put(change.paper().id(), change.paper());
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return new ArrayList<>(raised.values());
    }

    /** Makes everything applied so far visible to searches (and to the revision checks of the next apply). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        unrefreshed.clear();
    }

    /** Makes everything applied so far durable, with the position it was read up to. */
    public void commit(Map<Integer, Long> position, String origin) throws IOException {
        StringBuilder pairs = new StringBuilder();
        position.forEach((p, offset) -> pairs.append(pairs.isEmpty() ? "" : ",").append(p).append(':').append(offset));
        writer.setLiveCommitData(Map.of(POSITION, pairs.toString(), ORIGIN, origin).entrySet());
        writer.commit();
    }

    /** Runs a read on the latest refreshed view of the index. */
    public <T> T read(Function<IndexSearcher, T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paper's revision in this view of the index, 0 when absent. */
    static long indexedRev(IndexSearcher searcher, String id) {
        BytesRef term = new BytesRef(id);
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(PaperFields.ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(term)) {
                    continue;
                }
                PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    NumericDocValues rev = leaf.reader().getNumericDocValues(PaperFields.REV);
                    if ((live == null || live.get(doc)) && rev != null && rev.advanceExact(doc)) {
                        return rev.longValue();
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored changelog JSON of a hit. */
    public static String json(IndexSearcher searcher, int doc) throws IOException {
        BytesRef bytes = searcher.storedFields().document(doc, java.util.Set.of(PaperFields.JSON)).getBinaryValue(PaperFields.JSON);
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }

    /** A changelog value and what it reads as. */
    public record Change(MergedPaper paper, String json) {
    }

    @PreDestroy
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
