package io.paperpulse.enrich.extract.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;
import io.paperpulse.enrich.extract.text.TokenPool;
import io.paperpulse.enrich.extract.text.Tokens;
import io.paperpulse.enrich.extract.text.WordList;

/**
 * What the rules ask about a word or a name: its type from the lists and the noun that introduces it, whether it may
 * be a name here, whether it is all generic words. Holds the gazetteer and the lexicon; immutable.
 */
final class Naming {
    final Gazetteer gaz;
    final Lexicon lex;
    /** The tokens of every list entry and rule word: most tokens of a text are one of them. */
    final TokenPool pool;
    final ModelFamilies families;
    final WordCodes codes;

    Naming(Gazetteer gaz, Lexicon lex) {
        this.gaz = gaz;
        this.lex = lex;
        List<String> words = new ArrayList<>();
        Stream.of(gaz.surfaces(), lex.words(), Words.all(), WordList.entries("extract/common-words.txt").stream())
                .flatMap(w -> w).forEach(entry -> {
            Tokens tokens = new Tokens(entry);
            words.addAll(Arrays.asList(tokens.tok).subList(0, tokens.n));
        });
        this.pool = new TokenPool(words);
        this.families = new ModelFamilies(gaz, lex);
        this.codes = new WordCodes(this); // last: it asks this naming about every pooled word
    }

    /**
     * True when the token, without its trailing lower-case hyphen parts, is a versioned release of a listed family or
     * has a model shape, and is no never-name: what the reporting pass asks of every token before the paper's own
     * names.
     */
    boolean mayBeShapedName(String token) {
        String w = trimLowerParts(token);
        return (families.isVersioned(w) || Shapes.isModelShape(w)) && !lex.isNotName(w);
    }

    /** Type of a new name given the head noun that introduces it (an ordinal, or null). */
    EntityType typeFor(String name, Integer head) {
        int mask = gaz.typesOf(name);
        if (mask == 0) {
            int space = name.indexOf(' ');
            if (space > 0) {
                mask = gaz.typesOf(name.substring(0, space));
            }
        }
        if (mask == 0 && Shapes.hasDigit(name)) {
            mask = gaz.typesIgnoringCase(name); // "O1-Preview", "Cifar-10": a listed release written in another case
        }
        if (mask != 0) {
            return Gazetteer.primary(mask);
        }
        if (Shapes.isDataSize(name) || isHeadOf(Shapes.lastSegment(name), EntityType.DATASET)) {
            return EntityType.DATASET; // "VER-Bench, a novel framework", "Foo-1K": the name says what it is
        }
        boolean release = Shapes.isRelease(name);
        if (head != null && head >= 0 && !(release && head == EntityType.METHOD.ordinal())) {
            return Lexicon.TYPES[head];
        }
        int parts = partsType(name);
        if (parts != 0) {
            return Gazetteer.primary(parts);
        }
        Integer segment = lex.head(Shapes.lastSegment(name));
        if (segment != null && segment >= 0 && segment != EntityType.TASK.ordinal()) {
            return Lexicon.TYPES[segment];
        }
        // "X-1.5-Pro", "Y-7B", "Observe-R1": a versioned or sized release is a model
        return release || lex.hasModelStem(name) ? EntityType.MODEL : EntityType.METHOD;
    }

    /** Gazetteer types of the hyphen parts of a name ("Split-CIFAR100" -> the type of CIFAR100). */
    int partsType(String w) {
        int mask = 0;
        int from = 0;
        for (int h = 0; h <= w.length(); h++) {
            if (h == w.length() || w.charAt(h) == '-') {
                if (h > from) {
                    mask |= gaz.typesOf(w.substring(from, h));
                }
                from = h + 1;
            }
        }
        return mask & ~(1 << EntityType.TASK.ordinal()) & ~(1 << EntityType.ORG.ordinal());
    }

    /** A capitalised or shaped token that may be a name here (not a sentence's first word, not a function word). */
    boolean isNameToken(Field f, int k, boolean afterVerb) {
        if (k < 0 || k >= f.n || f.inUrl[k]) {
            return false;
        }
        String w = f.tok[k];
        if (lex.isNotName(w) || Words.CAPITAL_FUNCTION_WORDS.contains(w) || !trimLowerParts(w).equals(w)) {
            return false;
        }
        if (Shapes.isModelShape(w) || Shapes.hasInnerCapital(w) && Chars.isLetter(w.charAt(0))) {
            return true;
        }
        if (!Chars.isUpper(w.charAt(0)) || lex.isGeneric(w) || w.indexOf('-') > 0) {
            return false;
        }
        if (f.title) {
            return Shapes.isAllCaps(w) && w.length() > 1;
        }
        return afterVerb || !f.sentenceStart[k];
    }

    /** True when every word and hyphen part of the phrase is a generic word ("Foundation Models"). */
    boolean allGeneric(String phrase) {
        int from = 0;
        for (int i = 0; i <= phrase.length(); i++) {
            if (i == phrase.length() || phrase.charAt(i) == ' ' || phrase.charAt(i) == '-') {
                if (i > from && !lex.isGeneric(phrase, from, i)) {
                    return false;
                }
                from = i + 1;
            }
        }
        return true;
    }

    /** Drops trailing hyphen parts that are ordinary lower-case words: "GNN-based" -> "GNN", keeps "-large". */
    String trimLowerParts(String w) {
        int end = w.length();
        for (int h = w.lastIndexOf('-'); h > 0; h = w.lastIndexOf('-', h - 1)) {
            if (Shapes.isLowerWord(w, h + 1, end) && !lex.isNameSuffix(w, h + 1, end)) {
                end = h;
            } else {
                break;
            }
        }
        return end == w.length() ? w : w.substring(0, end);
    }

    private boolean isHeadOf(String segment, EntityType type) {
        Integer h = lex.head(segment);
        return h != null && h == type.ordinal();
    }

    boolean isHead(String word, int type) {
        Integer h = lex.head(word);
        return h != null && h == type;
    }

    Integer appositionHead(Field f, int k) {
        if (!f.gapHas(k, ',')) {
            return null;
        }
        int j = k;
        if (f.is(j, "which") && f.is(j + 1, "is")) {
            j += 2;
        }
        if (!(f.is(j, "a") || f.is(j, "an"))) {
            return null;
        }
        Integer last = null;
        for (int q = j + 1; q < f.n && q <= j + 6; q++) {
            if (f.gapHasAny(q, ".;:,()") || Words.PHRASE_STOPS.contains(f.tok[q])) {
                break;
            }
            Integer h = f.head(q);
            if (h != null) {
                last = h;
            }
        }
        return last;
    }
}
