package io.paperpulse.query.api;

import java.util.List;

/** One page of a list: {@code page} counts from 0, {@code total} counts every item of the list. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    /** The page of an already computed list. */
    static <T> PageView<T> slice(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new PageView<>(all.subList((int) from, (int) to), all.size(), page, size);
    }
}
