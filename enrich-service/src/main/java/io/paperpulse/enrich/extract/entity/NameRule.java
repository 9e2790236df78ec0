package io.paperpulse.enrich.extract.entity;

/**
 * One way a paper introduces its own names ("we propose X", "the X dataset", "Long Form (LF)"). A rule reads one field
 * and records what it learns in {@link Names}; the reporting pass then finds every occurrence of the learned names.
 * Rules run in the order {@link NameRules} declares: the first to learn a name at a given strength keeps it.
 */
interface NameRule {
    /** Learns names from {@code field}; {@code other} is the paper's other field (the abstract when reading the title). */
    void learn(Field field, Field other, Names names);
}
