package io.paperpulse.query.facet;

/**
 * An entity's paper counts in the two windows of a trending report.
 *
 * @param type entity type
 * @param name the most common form in both windows
 * @param current papers naming it in the recent window
 * @param previous papers naming it in the window before
 * @param change {@code current - previous}
 */
public record Trend(String type, String name, int current, int previous, int change) {
}
