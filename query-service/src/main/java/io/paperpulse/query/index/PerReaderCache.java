package io.paperpulse.query.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.search.IndexSearcher;

/**
 * Answers computed from one refreshed view of the index, kept until the next refresh, as Solr's query result cache
 * does: a popular page costs one computation per refresh, not one per request (reading and parsing its papers' stored
 * JSON each time was most of what a busy gateway allocated). At most {@code capacity} answers per view, the least
 * recently used dropped first.
 */
public final class PerReaderCache<K, V> {
    private final PerReader<Map<K, V>> views;

    public PerReaderCache(int capacity) {
        views = new PerReader<>(searcher -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The answer to {@code key} in this view of the index, computed by {@code compute} unless kept already. */
    public V get(IndexSearcher searcher, K key, Supplier<V> compute) {
        Map<K, V> answers = views.get(searcher);
        synchronized (answers) {
            V kept = answers.get(key);
            if (kept != null) {
                return kept;
            }
        }
        V computed = compute.get(); // outside the lock: a slow search must not hold up the other requests' look-ups
        synchronized (answers) {
            answers.put(key, computed);
        }
        return computed;
    }
}
