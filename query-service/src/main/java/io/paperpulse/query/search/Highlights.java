package io.paperpulse.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.query.index.FoldingAnalyzer;
import io.paperpulse.query.index.PaperFields;

/**
 * The snippets of a paper that a query matched, per field: title, entities, abstract. Matches are wrapped in
 * {@code <mark>}, the rest is HTML-escaped, so a page can show them as they are.
 */
final class Highlights {
    private static final int PASSAGES = 2;
    private static final UnifiedHighlighter HIGHLIGHTER = UnifiedHighlighter.builderWithoutSearcher(FoldingAnalyzer.forHighlighting())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .build();

    private final Query query;
    private final SearchQuery clauses;

    Highlights(Query query, SearchQuery clauses) {
        this.query = query;
        this.clauses = clauses;
    }

    Map<String, List<String>> of(MergedPaper paper) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        put(found, PaperFields.TITLE, marked(PaperFields.TITLE, paper.title()).stream().toList());
        put(found, PaperFields.ENTITIES, paper.entities().stream().map(Entity::text).distinct().filter(this::named)
                .map(name -> "<mark>" + escape(name) + "</mark>").toList());
        put(found, PaperFields.ABSTRACT, marked(PaperFields.ABSTRACT, paper.abstractText()).stream().toList());
        return found;
    }

    private static void put(Map<String, List<String>> found, String field, List<String> snippets) {
        if (!snippets.isEmpty()) {
            found.put(field, snippets);
        }
    }

    /** Whether an entity name holds a term or prefix of the query: names are short, so the whole name is marked. */
    private boolean named(String name) {
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

    /** The text's best passages with the query's matches marked; empty when nothing in it matched. */
    private Optional<String> marked(String field, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object snippet = HIGHLIGHTER.highlightWithoutSearcher(field, query, text, PASSAGES);
            // without a match the highlighter returns the text's start, without marks
            return snippet != null && snippet.toString().contains("<mark>") ? Optional.of(snippet.toString()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
