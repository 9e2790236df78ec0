package io.paperpulse.contracts;

/**
 * A named thing found in a paper: its exact surface text, the field it stands in ({@code title} or {@code abstract})
 * and offsets {@code [start, end)} in that field's NFC text.
 */
public record Entity(EntityType type, String text, String field, int start, int end) {
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
}
