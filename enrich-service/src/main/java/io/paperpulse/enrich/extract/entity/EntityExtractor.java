package io.paperpulse.enrich.extract.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;

/**
 * Finds the named entities of a paper: gazetteer matches plus rules for names no list has. Works in two passes: the
 * {@link NameRules} learn the paper's own names from both fields; then {@link Occurrences} reports every bounded
 * occurrence of gazetteer entries, learned names and model-like tokens, title before abstract. Stateless and
 * thread-safe; linear in the text length.
 */
public final class EntityExtractor {
    private final Lexicon lex;
    private final List<NameRules.Step> rules;
    private final Occurrences occurrences;

    public EntityExtractor(Gazetteer gaz) {
        this.lex = Lexicon.defaults();
        Naming naming = new Naming(gaz, lex);
        this.rules = NameRules.inOrder(naming);
        this.occurrences = new Occurrences(naming);
    }

    /** The entities of the title, then of the abstract, each field's in text order. */
    public List<Entity> extract(String title, String abstractText) {
        Field t = new Field(title, Entity.TITLE, true, lex);
        Field a = new Field(abstractText, Entity.ABSTRACT, false, lex);
        Names names = new Names();
        for (NameRules.Step step : rules) {
            step.rule().learn(step.title() ? t : a, step.title() ? a : t, names);
        }
        List<Entity> out = new ArrayList<>();
        Map<String, EntityType> typeOfSurface = new HashMap<>();
        Set<String> seen = new HashSet<>();
        occurrences.emit(t, names, typeOfSurface, seen, out);
        occurrences.emit(a, names, typeOfSurface, seen, out);
        return out;
    }
}
