package io.paperpulse.query.api;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
public record PageView<T>(List<T> items, long total, int page, int size) {
}
