package io.paperpulse.enrich.extract.metric;

/** The unit after a number, where the quantity's span ends, and the factor of a scale word (1 otherwise). */
record Suffix(Unit unit, int end, double scale) {
}
