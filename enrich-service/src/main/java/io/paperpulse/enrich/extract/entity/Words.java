package io.paperpulse.enrich.extract.entity;

import java.util.Set;
import java.util.stream.Stream;

import io.paperpulse.enrich.extract.text.WordList;

/** The entity rules' word lists, read once from {@code extract/entity/*.txt} (each file says what its words do). */
final class Words {
    static final Set<String> CALL_VERBS = list("call-verbs");
    static final Set<String> PROPOSE_VERBS = list("propose-verbs");
    static final Set<String> SUBJECTS = list("subjects");
    static final Set<String> DETERMINERS = list("determiners");
    static final Set<String> PREPOSITIONS = list("prepositions");
    static final Set<String> RUN_GLUE = list("run-glue");
    static final Set<String> INTRODUCED = list("introduced");
    static final Set<String> LIST_INTROS = list("list-intros");
    static final Set<String> PHRASE_STOPS = list("phrase-stops");
    static final Set<String> CAPITAL_FUNCTION_WORDS = list("capital-function-words");
    static final Set<String> NOT_MODIFIERS = list("not-modifiers");
    static final Set<String> TASK_PHRASE_HEADS = list("task-phrase-heads");
    static final Set<String> MODIFIER_SUFFIXES = list("modifier-suffixes");
    static final Set<String> SETTING_PARTS = list("setting-parts");
    /** Frequent words of English and of abstracts (extract/common-words.txt). */
    static final Set<String> COMMON = WordList.set("extract/common-words.txt");

    /** Every word of these lists. */
    static Stream<String> all() {
        return Stream.of(CALL_VERBS, PROPOSE_VERBS, SUBJECTS, DETERMINERS, PREPOSITIONS, RUN_GLUE, INTRODUCED,
                LIST_INTROS, PHRASE_STOPS, CAPITAL_FUNCTION_WORDS, NOT_MODIFIERS, TASK_PHRASE_HEADS).flatMap(Set::stream);
    }

    private Words() {
    }

    private static Set<String> list(String name) {
        return WordList.set("extract/entity/" + name + ".txt");
    }
}
