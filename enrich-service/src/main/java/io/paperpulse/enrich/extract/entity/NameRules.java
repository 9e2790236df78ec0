package io.paperpulse.enrich.extract.entity;

import java.util.List;

/** The name rules and their order, in one place: add a new rule here. */
final class NameRules {
    /** A rule and the field it reads. */
    record Step(NameRule rule, boolean title) {
    }

    private NameRules() {
    }

    static List<Step> inOrder(Naming naming) {
        NameRule parenthesised = new ParenthesisedNames(naming);
        NameRule standsFor = new StandsForDefinitions(naming);
        NameRule forShort = new ForShortDefinitions(naming);
        NameRule contexts = new TypingContexts(naming);
        NameRule taskPhrases = new TaskPhrases(naming);
        return List.of(
                abstractField(parenthesised), abstractField(standsFor), abstractField(forShort),
                titleField(parenthesised), titleField(standsFor), titleField(forShort),
                abstractField(new CalledNames(naming)),
                abstractField(new ProposedNames(naming)),
                abstractField(contexts), titleField(contexts),
                abstractField(new TaskLists(naming)),
                titleField(taskPhrases), abstractField(taskPhrases),
                titleField(new TitlePrefixName(naming)),
                abstractField(new CopulaTypes(naming)));
    }

    private static Step abstractField(NameRule rule) {
        return new Step(rule, false);
    }

    private static Step titleField(NameRule rule) {
        return new Step(rule, true);
    }
}
