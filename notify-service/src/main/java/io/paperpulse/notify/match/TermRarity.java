package io.paperpulse.notify.match;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many of the papers seen since start had each key: the rarest key of a subscription is the one that lets the
 * fewest papers through to its query. Bounded, so that a stream of new words cannot fill the heap; a key first seen
 * after the bound counts as never seen (rare), which only makes it a likelier choice.
 */
public final class TermRarity {
    static final int MAX_KEYS = 1_000_000;

    private final ConcurrentHashMap<String, LongAdder> papers = new ConcurrentHashMap<>();

    public void count(Collection<String> keys) {
        for (String key : keys) {
            LongAdder n = papers.get(key);
            if (n == null && papers.size() < MAX_KEYS) {
                n = papers.computeIfAbsent(key, k -> new LongAdder());
            }
            if (n != null) {
                n.increment();
            }
        }
    }

    public long papersWith(String key) {
        LongAdder n = papers.get(key);
        return n == null ? 0 : n.sum();
    }
}
