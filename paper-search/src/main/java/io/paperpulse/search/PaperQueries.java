package io.paperpulse.search;

import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import io.paperpulse.search.PaperFilter.EntityCriterion;
import io.paperpulse.search.SearchQuery.Clause;
import io.paperpulse.search.SearchQuery.Phrase;
import io.paperpulse.search.SearchQuery.Prefix;
import io.paperpulse.search.SearchQuery.Word;

/**
 * A {@link PaperFilter} as a Lucene query: every clause of {@code q} must match in the title, an entity name or the
 * abstract, scored by BM25 with the title weighing most and the abstract least; the other filters only filter.
 */
public final class PaperQueries {
    static final float TITLE_BOOST = 6f;
    static final float ENTITY_BOOST = 3f;
    static final float ABSTRACT_BOOST = 1f;
    /** The text fields {@code q} searches, in the order of their weight. */
    public static final List<String> TEXT_FIELDS = List.of(PaperFields.TITLE, PaperFields.ENTITIES, PaperFields.ABSTRACT);

    private PaperQueries() {
    }

    public static Query of(PaperFilter filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (Clause clause : filter.query().clauses()) {
            all.add(acrossFields(clause), Occur.MUST);
            any = true;
        }
        for (EntityCriterion e : filter.entities()) {
            all.add(new TermQuery(new Term(PaperFields.ENTITY, PaperFields.entityTerm(e.type(), e.key()))), Occur.FILTER);
            any = true;
        }
        if (filter.hasCode() != null) {
            all.add(new TermQuery(new Term(PaperFields.HAS_CODE, filter.hasCode().toString())), Occur.FILTER);
            any = true;
        }
        if (filter.from() != null || filter.to() != null) {
            int from = filter.from() == null ? Integer.MIN_VALUE : PaperFields.day(filter.from());
            int to = filter.to() == null ? Integer.MAX_VALUE : PaperFields.day(filter.to());
            all.add(IntPoint.newRangeQuery(PaperFields.DAY, from, to), Occur.FILTER);
            any = true;
        }
        return any ? all.build() : new MatchAllDocsQuery();
    }

    private static Query acrossFields(Clause clause) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(inField(PaperFields.TITLE, clause), TITLE_BOOST), Occur.SHOULD)
                .add(new BoostQuery(inField(PaperFields.ENTITIES, clause), ENTITY_BOOST), Occur.SHOULD)
                .add(new BoostQuery(inField(PaperFields.ABSTRACT, clause), ABSTRACT_BOOST), Occur.SHOULD)
                .build();
    }

    private static Query inField(String field, Clause clause) {
        if (clause instanceof Word w) {
            return new TermQuery(new Term(field, w.term()));
        }
        if (clause instanceof Prefix p) {
            return new PrefixQuery(new Term(field, p.prefix()));
        }
        return new PhraseQuery(field, ((Phrase) clause).terms().toArray(String[]::new));
    }
}
