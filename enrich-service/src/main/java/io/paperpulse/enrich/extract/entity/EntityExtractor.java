package io.paperpulse.enrich.extract.entity;

import java.util.List;

import io.paperpulse.contracts.Entity;

/**
 * Finds the named entities of a paper: gazetteer matches plus rules for names no list has. Works in two passes: the
 * {@link NameRules} learn the paper's own names from both fields; then {@link Occurrences} reports every bounded
 * occurrence of gazetteer entries, learned names and model-like tokens, title before abstract. Stateless and
 * thread-safe; linear in the text length.
 */
public final class EntityExtractor {
    private final Naming naming;
    private final List<NameRules.Step> rules;
    private final Occurrences occurrences;

    public EntityExtractor(Gazetteer gaz) {
        this.naming = new Naming(gaz, Lexicon.defaults());
        this.rules = NameRules.inOrder(naming);
        this.occurrences = new Occurrences(naming);
    }

    /** The entities of the title, then of the abstract, each field's in text order. */
    public List<Entity> extract(String title, String abstractText) {
        Field t = new Field(title, Entity.TITLE, true, naming);
        Field a = new Field(abstractText, Entity.ABSTRACT, false, naming);
        Names names = new Names();
        for (NameRules.Step step : rules) {
            step.rule().learn(step.title() ? t : a, step.title() ? a : t, names);
        }
        return occurrences.report(t, a, names);
    }
}
