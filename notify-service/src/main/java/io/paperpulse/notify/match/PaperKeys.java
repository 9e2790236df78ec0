package io.paperpulse.notify.match;

import java.util.HashSet;
import java.util.Set;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.PaperFields;
import io.paperpulse.search.PaperFilter.EntityCriterion;
import io.paperpulse.search.SearchQuery;
import io.paperpulse.search.SearchQuery.Clause;
import io.paperpulse.search.SearchQuery.Phrase;
import io.paperpulse.search.SearchQuery.Prefix;
import io.paperpulse.search.SearchQuery.Word;
import io.paperpulse.search.SearchText;

/**
 * The keys of the subscriptions' inverted index. A paper has a key for every term the search index gives it
 * ({@link SearchText#tokens} of its title, entity names and abstract, and {@link PaperFields#entityTerm} of its
 * entities); a criterion needs one of them: a paper lacking the key cannot match, so the key rules it out before the
 * real query is asked. A prefix's key is its first {@link #MAX_PREFIX_KEY} letters (or all of them, when fewer), which
 * every term it matches shares: a paper has a key for each term's beginnings of 2 to {@link #MAX_PREFIX_KEY} letters.
 */
public final class PaperKeys {
    static final int MAX_PREFIX_KEY = 4;

    private PaperKeys() {
    }

    public static Set<String> of(MergedPaper paper) {
        Set<String> keys = new HashSet<>();
        addText(keys, paper.title());
        addText(keys, paper.abstractText());
        for (Entity e : paper.entities()) {
            addText(keys, e.text());
            String key = SearchText.key(e.text());
            keys.add(entity(e.type().name(), key));
            keys.add(entity(null, key));
        }
        return keys;
    }

    static String entity(EntityCriterion criterion) {
        return entity(criterion.type(), criterion.key());
    }

    /** The keys of a {@code q} clause, each of which every matching paper has. */
    static Set<String> of(Clause clause) {
        if (clause instanceof Word w) {
            return Set.of(word(w.term()));
        }
        if (clause instanceof Prefix p) {
            return Set.of(prefix(p.prefix()));
        }
        Set<String> keys = new HashSet<>();
        ((Phrase) clause).terms().forEach(t -> keys.add(word(t)));
        return keys;
    }

    private static void addText(Set<String> keys, String text) {
        for (SearchText.Token t : SearchText.tokens(text)) {
            keys.add(word(t.term()));
            for (int length = SearchQuery.MIN_PREFIX; length <= Math.min(MAX_PREFIX_KEY, t.term().length()); length++) {
                keys.add(prefix(t.term().substring(0, length)));
            }
        }
    }

    private static String entity(String type, String key) {
        return "e:" + PaperFields.entityTerm(type, key);
    }

    private static String word(String term) {
        return "w:" + term;
    }

    private static String prefix(String prefix) {
        return "p:" + prefix.substring(0, Math.min(MAX_PREFIX_KEY, prefix.length()));
    }
}
