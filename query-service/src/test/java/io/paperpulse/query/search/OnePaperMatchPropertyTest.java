package io.paperpulse.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.FilterParams;
import io.paperpulse.search.FoldingAnalyzer;
import io.paperpulse.search.OnePaperIndex;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.RandomPapers;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A paper matches a filter on its own ({@link OnePaperIndex}, what live streams and subscriptions ask) exactly when
 * {@code GET /papers} with the same parameters ({@link PaperSearch} over an index of the same papers) returns it.
 */
class OnePaperMatchPropertyTest {

    @Property(tries = 300, seed = "20261203") // fixed, so that a failure replays; jqwik prints it with each report
    void aPaperMatchesExactlyWhenTheListReturnsIt(@ForAll("papers") List<MergedPaper> papers, @ForAll("filters") FilterParams params)
            throws IOException {
        PaperFilter filter = params.toFilter();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(FoldingAnalyzer.forIndexing()))) {
                for (MergedPaper paper : papers) {
                    writer.addDocument(PaperFields.document(paper, json(paper)));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<String> listed = PaperSearch.run(new IndexSearcher(reader), filter, PaperSort.TITLE, 0, papers.size() + 1)
                        .items().stream().map(hit -> hit.paper().id()).sorted().toList();
                List<String> matched = papers.stream().filter(p -> new OnePaperIndex(p).matches(filter)).map(MergedPaper::id).sorted().toList();
                assertEquals(listed, matched, params.toString());
                // the property says little unless filters often match some papers and miss others
                Statistics.collect(matched.isEmpty() ? "none matched" : matched.size() == papers.size() ? "all matched" : "some matched");
                Statistics.coverage(coverage -> coverage.check("some matched").percentage(p -> p >= 20));
            }
        }
    }

    @Provide
    Arbitrary<List<MergedPaper>> papers() {
        return RandomPapers.papers(1, 16);
    }

    @Provide
    Arbitrary<FilterParams> filters() {
        return RandomPapers.filters();
    }

    private static String json(MergedPaper paper) throws JsonProcessingException {
        return EventJson.mapper().writeValueAsString(paper);
    }
}
