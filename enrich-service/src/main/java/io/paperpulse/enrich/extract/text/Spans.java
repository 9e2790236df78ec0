package io.paperpulse.enrich.extract.text;

import java.util.Arrays;

/** Lookups in sorted, non-overlapping spans given as parallel start and end arrays (tokens, entities). */
public final class Spans {
    private Spans() {
    }

    /** Index of {@code offset} in the first {@code n} sorted, distinct values, or -1. */
    public static int indexOf(int[] sorted, int n, int offset) {
        int i = Arrays.binarySearch(sorted, 0, n, offset);
        return i >= 0 ? i : -1;
    }

    /** Index of the span {@code [start, end)} that holds {@code offset}, or -1. */
    public static int holding(int[] starts, int[] ends, int n, int offset) {
        int i = Arrays.binarySearch(ends, 0, n, offset);
        int candidate = i >= 0 ? i + 1 : -i - 1;
        return candidate < n && starts[candidate] <= offset ? candidate : -1;
    }
}
