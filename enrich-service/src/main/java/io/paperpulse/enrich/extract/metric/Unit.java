package io.paperpulse.enrich.extract.metric;

/** What follows a number, as far as its kind is concerned. */
enum Unit { PERCENT, TIMES, SCALE, TIME_COST, LATENCY, MEMORY, COMPUTE, POINTS, BITS, MONEY, FRACTION, DECIBELS }
