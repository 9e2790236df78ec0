package io.paperpulse.enrich.extract.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.paperpulse.enrich.extract.text.TokenPool;
import io.paperpulse.enrich.extract.text.WordList;

/** The metric rules' word lists, read once from {@code extract/metric/*.txt} (each file says what its words do). */
final class MetricWords {
    static final Set<String> PARAM_NOUNS = list("param-nouns");
    static final Set<String> TOKEN_NOUNS = list("token-nouns");
    static final Set<String> DATA_NOUNS = list("data-nouns");
    static final Set<String> EXCLUDED_NOUNS = list("excluded-nouns");
    static final Set<String> SCORE_NAMES = list("score-names");
    static final Set<String> SPEED_WORDS = list("speed-words");
    static final Set<String> COST_WORDS = list("cost-words");
    static final Set<String> HYPHEN_UNITS = list("hyphen-units");
    static final Set<String> DOWN_AFTER = list("down-after");
    static final Set<String> UP_AFTER = list("up-after");
    static final Set<String> IMPROVE_NOUNS = list("improve-nouns");
    static final Set<String> DATA_CONTEXT = list("data-context");
    static final Set<String> BY_FILLERS = list("by-fillers");
    static final Set<String> FRACTION_WORDS = list("fraction-words");
    static final Set<String> LATEX_PREFIXES = list("latex-prefixes");
    static final Set<String> DECREASE_NOUNS = list("decrease-nouns");
    static final Set<String> SAVING_VERBS = list("saving-verbs");
    static final Set<String> REDUCING_VERBS = list("reducing-verbs");
    static final Set<String> SIZE_WORDS = list("size-words");
    static final Set<String> LATENCY_WORDS = list("latency-words");
    /** Word prefixes: "reduc" matches "reduces", "reduction". */
    static final String[] DOWN_STEMS = stems("down-stems");
    static final String[] CHANGE_STEMS = stems("change-stems");
    static final String[] COST_STEMS = stems("cost-stems");
    static final String[] PARAM_STEMS = stems("param-stems");

    /** The lower-case words of these lists and the common words: the words around a number share these strings. */
    static final TokenPool POOL = pool();

    private MetricWords() {
    }

    private static TokenPool pool() {
        List<String> words = new ArrayList<>(WordList.entries("extract/common-words.txt"));
        for (Set<String> list : List.of(PARAM_NOUNS, TOKEN_NOUNS, DATA_NOUNS, EXCLUDED_NOUNS, SCORE_NAMES, SPEED_WORDS,
                COST_WORDS, HYPHEN_UNITS, DOWN_AFTER, UP_AFTER, IMPROVE_NOUNS, DATA_CONTEXT, BY_FILLERS, FRACTION_WORDS,
                DECREASE_NOUNS, SAVING_VERBS, REDUCING_VERBS, SIZE_WORDS, LATENCY_WORDS)) {
            words.addAll(list);
        }
        return new TokenPool(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    private static Set<String> list(String name) {
        return WordList.set("extract/metric/" + name + ".txt");
    }

    private static String[] stems(String name) {
        return WordList.entries("extract/metric/" + name + ".txt").toArray(new String[0]);
    }
}
