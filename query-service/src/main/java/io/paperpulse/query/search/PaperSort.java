package io.paperpulse.query.search;

/** Orders of a paper list; every one ends on the id, so pages never overlap. */
public enum PaperSort {
    /** Title matches, then entity matches, then abstract matches, then newest; without {@code q}, newest first. */
    RELEVANCE,
    /** Most recent digest first. */
    DATE,
    /** By title, ignoring case and accents. */
    TITLE
}
