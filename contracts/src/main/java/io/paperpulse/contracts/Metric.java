package io.paperpulse.contracts;

/**
 * A reported quantity of an abstract.
 *
 * @param kind accuracy, improvement, params, cost, speedup, tokens, size or other
 * @param text the most explicit span, e.g. "109M parameters"
 * @param value the number with scale words expanded; {@code null} for ranges and alternatives
 * @param start offset of the span in the abstract
 * @param end offset just past the span
 */
public record Metric(String kind, String text, Double value, int start, int end) {
}
