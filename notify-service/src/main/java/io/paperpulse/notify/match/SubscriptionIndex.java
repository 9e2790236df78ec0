package io.paperpulse.notify.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.Query;

import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.search.OnePaperIndex;
import io.paperpulse.search.PaperFilter;
import io.paperpulse.search.PaperQueries;
import io.paperpulse.search.SearchQuery.Clause;

/**
 * Which subscriptions a paper matches, without asking all of them: each subscription is filed under its most
 * selective key ({@link PaperKeys}): an entity it requires, else the rarest word of its {@code q}; a paper's keys
 * pick the few subscriptions it may match, and the very query {@code GET /papers} runs ({@link PaperQueries}) on
 * the paper alone ({@link OnePaperIndex}) decides. Only a subscription filtering by nothing but {@code hasCode} or
 * dates has no key and is asked for every paper. Immutable: changes build a new one.
 */
public final class SubscriptionIndex {
    private record Entry(String id, Query query) {
    }

    private final Map<String, List<Entry>> byKey;
    private final List<Entry> keyless;
    private final int size;

    private SubscriptionIndex(Map<String, List<Entry>> byKey, List<Entry> keyless, int size) {
        this.byKey = byKey;
        this.keyless = keyless;
        this.size = size;
    }

    public static SubscriptionIndex of(Collection<Watched> subscriptions, TermRarity rarity) {
        Map<String, List<Entry>> byKey = new HashMap<>();
        List<Entry> keyless = new ArrayList<>();
        for (Watched w : subscriptions) {
            Entry entry = new Entry(w.id(), PaperQueries.of(w.filter()));
            String key = selectiveKey(w.filter(), rarity);
            if (key == null) {
                keyless.add(entry);
            } else {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
        return new SubscriptionIndex(byKey, keyless, subscriptions.size());
    }

    public int size() {
        return size;
    }

    /** The ids of the subscriptions {@code paper} matches. */
    public List<String> matches(MergedPaper paper, Set<String> paperKeys) {
        List<Entry> candidates = new ArrayList<>(keyless);
        for (String key : paperKeys) {
            List<Entry> filed = byKey.get(key);
            if (filed != null) {
                candidates.addAll(filed);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        OnePaperIndex one = new OnePaperIndex(paper);
        List<String> matched = new ArrayList<>();
        for (Entry e : candidates) {
            if (one.matches(e.query())) {
                matched.add(e.id());
            }
        }
        return matched;
    }

    /** An entity criterion when there is one (exact, and rarer than words), else the word or prefix fewest papers had. */
    static String selectiveKey(PaperFilter filter, TermRarity rarity) {
        Comparator<String> rarestFirst = Comparator.<String>comparingLong(rarity::papersWith).thenComparing(k -> -k.length());
        if (!filter.entities().isEmpty()) {
            return filter.entities().stream().map(PaperKeys::entity).min(rarestFirst).orElseThrow();
        }
        Set<String> keys = new HashSet<>();
        for (Clause c : filter.query().clauses()) {
            keys.addAll(PaperKeys.of(c));
        }
        return keys.stream().min(rarestFirst).orElse(null);
    }
}
