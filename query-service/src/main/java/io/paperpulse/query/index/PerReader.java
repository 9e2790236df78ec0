package io.paperpulse.query.index;

import java.util.function.Function;

import org.apache.lucene.search.IndexSearcher;

/**
 * A value derived from the whole index (facet counts, digest days), computed once per refreshed view of it and
 * shared by every request until the next refresh: requests cost a lookup, writes cost one computation per refresh.
 */
public final class PerReader<T> {
    private final Function<IndexSearcher, T> compute;
    private Object key;
    private T value;

    public PerReader(Function<IndexSearcher, T> compute) {
        this.compute = compute;
    }

    public synchronized T get(IndexSearcher searcher) {
        Object current = searcher.getIndexReader().getReaderCacheHelper().getKey();
        if (current != key) {
            value = compute.apply(searcher);
            key = current;
        }
        return value;
    }
}
