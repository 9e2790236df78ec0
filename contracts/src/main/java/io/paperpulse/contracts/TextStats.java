package io.paperpulse.contracts;

/** Size of a paper's text: words and sentences of title and abstract, minutes at an average reading pace. */
public record TextStats(int words, int sentences, double readingMinutes) {
}
