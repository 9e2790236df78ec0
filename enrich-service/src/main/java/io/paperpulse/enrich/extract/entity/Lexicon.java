package io.paperpulse.enrich.extract.entity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;
import io.paperpulse.enrich.extract.text.TokenPool;
import io.paperpulse.enrich.extract.text.WordList;

/**
 * The word lists the rules use, read once from {@code extract/*.txt} on the class path: surface forms the rules never
 * report, generic words, head nouns with the type they give, and name-variant suffixes. Immutable.
 */
final class Lexicon {
    /** A head noun of a field or paradigm: the phrase it ends is no entity. */
    static final int IGNORE = -1;
    /** The entity types by ordinal, the codes {@link #head} returns. */
    static final EntityType[] TYPES = EntityType.values();

    private final Set<String> notNames;
    private final Set<String> genericWords;
    private final Map<String, Integer> heads;
    private final Set<String> suffixes;
    private final String[] modelStems;
    /** The lower-case words of the lists, looked up by a word's lower case without building it. */
    private final TokenPool genericLower;
    private final TokenPool headLower;
    private final TokenPool suffixLower;

    private Lexicon(Set<String> notNames, Set<String> genericWords, Map<String, Integer> heads, Set<String> suffixes,
            String[] modelStems) {
        this.notNames = notNames;
        this.genericWords = genericWords;
        this.heads = heads;
        this.suffixes = suffixes;
        this.modelStems = modelStems;
        this.genericLower = new TokenPool(genericWords);
        this.headLower = new TokenPool(heads.keySet());
        this.suffixLower = new TokenPool(suffixes);
    }

    static Lexicon defaults() {
        Set<String> notNames = new HashSet<>();
        for (String line : WordList.entries("extract/entity/not-names.txt")) {
            notNames.add(line);
        }
        Set<String> generic = new HashSet<>();
        for (String line : WordList.entries("extract/entity/generic-words.txt")) {
            generic.add(line.toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> heads = new HashMap<>();
        for (String line : WordList.entries("extract/entity/head-nouns.txt")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String noun = line.substring(0, tab).strip();
            String type = line.substring(tab + 1).strip();
            int code = "IGNORE".equals(type) ? IGNORE : EntityType.valueOf(type).ordinal();
            String key = Shapes.isAllCaps(noun) ? noun : noun.toLowerCase(Locale.ROOT);
            heads.putIfAbsent(key, code);
            heads.putIfAbsent(Shapes.isAllCaps(noun) ? key + "s" : Gazetteer.plural(key), code);
        }
        Set<String> suffixes = new HashSet<>();
        for (String line : WordList.entries("extract/entity/name-suffixes.txt")) {
            suffixes.add(line.toLowerCase(Locale.ROOT));
        }
        java.util.List<String> stems = new java.util.ArrayList<>();
        for (String line : WordList.entries("extract/entity/model-stems.txt")) {
            stems.add(line.toLowerCase(Locale.ROOT));
        }
        return new Lexicon(Set.copyOf(notNames), Set.copyOf(generic), Map.copyOf(heads), Set.copyOf(suffixes),
                stems.toArray(new String[0]));
    }

    /** Every word of the lists. */
    Stream<String> words() {
        return Stream.of(notNames.stream(), genericWords.stream(), heads.keySet().stream(), suffixes.stream())
                .flatMap(w -> w);
    }

    boolean isNotName(String surface) {
        return notNames.contains(surface);
    }

    boolean isGeneric(String word) {
        return genericLower.lowerCaseOf(word) != null;
    }

    /** {@link #isGeneric(String)} of {@code text.substring(from, to)}, without the copy. */
    boolean isGeneric(String text, int from, int to) {
        return genericLower.lowerCaseOf(text, from, to) != null;
    }

    /**
     * The type a head noun gives: an {@link EntityType} ordinal, {@link #IGNORE}, or {@code null} when the word is no
     * head noun. All-caps nouns (LM, LLM) match exactly, others case-insensitively.
     */
    Integer head(String word) {
        Integer exact = heads.get(word);
        return exact != null ? exact : headIgnoringCase(word);
    }

    /**
     * {@link #head} without its exact lookup, for a token the naming pool lacks: the pool holds every head noun, so
     * such a token is none exactly, and hashing a fresh substring to find that out was most of the lookup's time.
     */
    Integer headIgnoringCase(String word) {
        boolean upper = false;
        for (int i = 0; i < word.length() && !upper; i++) {
            upper = Chars.isUpper(word.charAt(i));
        }
        if (!upper || Shapes.isAllCaps(word) && word.length() > 1) {
            return null;
        }
        String lower = headLower.lowerCaseOf(word);
        return lower == null ? null : heads.get(lower);
    }

    boolean isNameSuffix(String part) {
        return suffixLower.lowerCaseOf(part) != null;
    }

    /** {@link #isNameSuffix(String)} of {@code text.substring(from, to)}, without the copy. */
    boolean isNameSuffix(String text, int from, int to) {
        return suffixLower.lowerCaseOf(text, from, to) != null;
    }

    /** True when the lower-cased name contains a part that reads as a model (GNN, BERT, -former, Net). */
    boolean hasModelStem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String stem : modelStems) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }
}
