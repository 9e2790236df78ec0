package io.paperpulse.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.FoldingAnalyzer;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.SearchQuery;
import io.paperpulse.search.SearchText;

/**
 * The snippets of a page of papers that a query matched, per field: title, entities, abstract. Matches are wrapped
 * in {@code <mark>}, the rest is HTML-escaped, so a page can show them as they are. Title and abstract go through one
 * Lucene highlighter for the whole page, reading the texts from the papers already read rather than from the index.
 */
final class Highlights {
    private static final int PASSAGES = 2;
    private static final String[] FIELDS = {PaperFields.TITLE, PaperFields.ABSTRACT};
    private static final FoldingAnalyzer ANALYZER = FoldingAnalyzer.forHighlighting();
    /** The passages with most matches, earlier ones first: Lucene's BM25 passage scoring builds a term hash per passage. */
    private static final PassageScorer BY_MATCHES = new PassageScorer() {
        @Override
        public float score(Passage passage, int contentLength) {
            return passage.getNumMatches() * norm(passage.getStartOffset());
        }
    };

    private Highlights() {
    }

    /** The highlights of each paper, in the order of {@code papers}; {@code docs} are their numbers in {@code searcher}. */
    static List<Map<String, List<String>>> of(IndexSearcher searcher, Query query, SearchQuery clauses, int[] docs,
            List<MergedPaper> papers) {
        Map<Integer, MergedPaper> byDoc = new LinkedHashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], papers.get(i));
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withScorer(BY_MATCHES)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                // the query's terms looked up per page of hits, not a Weight's matches per hit: that built new terms
                // and postings enums for every clause of every hit, three quarters of an uncached search's 4 MB
                .withWeightMatches(false)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    MergedPaper paper = byDoc.get(doc);
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        texts[f] = text(paper, fields[f]);
                    }
                    values.add(texts);
                }
                return values;
            }
        };
        Map<String, String[]> snippets;
        try {
            snippets = highlighter.highlightFields(FIELDS, query, docs, new int[] {PASSAGES, PASSAGES});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, List<String>>> all = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Map<String, List<String>> found = new LinkedHashMap<>();
            put(found, PaperFields.TITLE, marked(snippets.get(PaperFields.TITLE)[i]));
            put(found, PaperFields.ENTITIES, papers.get(i).entities().stream().map(Entity::text).distinct()
                    .filter(name -> named(clauses, name)).map(name -> "<mark>" + escape(name) + "</mark>").toList());
            put(found, PaperFields.ABSTRACT, marked(snippets.get(PaperFields.ABSTRACT)[i]));
            all.add(found);
        }
        return all;
    }

    private static String text(MergedPaper paper, String field) {
        String text = field.equals(PaperFields.TITLE) ? paper.title() : paper.abstractText();
        return text == null ? "" : text;
    }

    private static List<String> marked(String snippet) {
        return snippet != null && snippet.contains("<mark>") ? List.of(snippet) : List.of();
    }

    private static void put(Map<String, List<String>> found, String field, List<String> snippets) {
        if (!snippets.isEmpty()) {
            found.put(field, snippets);
        }
    }

    /** Whether an entity name holds a term or prefix of the query: names are short, so the whole name is marked. */
    private static boolean named(SearchQuery clauses, String name) {
        List<SearchText.Token> tokens = SearchText.tokens(name);
        return clauses.clauses().stream().anyMatch(c -> tokens.stream().anyMatch(t -> matches(c, t.term())));
    }

    private static boolean matches(SearchQuery.Clause clause, String term) {
        if (clause instanceof SearchQuery.Word w) {
            return w.term().equals(term);
        }
        if (clause instanceof SearchQuery.Prefix p) {
            return term.startsWith(p.prefix());
        }
        return ((SearchQuery.Phrase) clause).terms().contains(term);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#x27;");
    }
}
