package io.paperpulse.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

import io.paperpulse.contracts.MergedPaper;

/**
 * One paper as a one-document index with the search index's schema: whether a paper passes a filter, answered by the
 * very query {@code GET /papers} runs ({@link PaperQueries}), so a live stream and a list cannot disagree.
 */
public final class OnePaperIndex {
    private static final FoldingAnalyzer ANALYZER = FoldingAnalyzer.forIndexing();

    private final MemoryIndex index;

    public OnePaperIndex(MergedPaper paper) {
        index = new MemoryIndex();
        List<String> entityTerms = new ArrayList<>();
        for (IndexableField field : PaperFields.document(paper, "")) {
            if (field.name().equals(PaperFields.ENTITY)) {
                entityTerms.add(field.stringValue());
            } else if (field.fieldType().indexOptions() != IndexOptions.NONE || field.fieldType().pointDimensionCount() > 0) {
                index.addField(field, ANALYZER);
            }
        }
        // one field of many exact terms: the memory index keeps only the first of several same-named keyword fields
        index.addField(PaperFields.ENTITY, index.keywordTokenStream(entityTerms));
        index.freeze();
    }

    public boolean matches(Query query) {
        return index.search(new ConstantScoreQuery(query)) > 0;
    }

    public boolean matches(PaperFilter filter) {
        return matches(PaperQueries.of(filter));
    }
}
