package io.paperpulse.enrich.extract.entity;

import java.util.Locale;
import java.util.Map;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;

/**
 * The words before a task's head noun that belong to the task's name (annotation guide: the modifiers that say what
 * is processed or produced, or at which level): "3D mesh generation", "multi-hop question answering". Setting and
 * quality words, function words, frequent words of abstracts and words that read as adverbs, participles or verbs
 * end the name: "efficient code generation" is "code generation", "to guide document retrieval" is "document
 * retrieval".
 */
final class TaskModifiers {
    /** At most this many words before the head. */
    private static final int MOST = 3;
    /** The second word of a Latin modifier, with its first: "de" and "in" stop a name everywhere else. */
    private static final Map<String, String> LATIN_FIRST_WORDS = Map.of("novo", "de", "silico", "in", "vitro", "in", "vivo", "in");

    private final Lexicon lex;

    TaskModifiers(Lexicon lex) {
        this.lex = lex;
    }

    /** The first token of the task name whose head is token {@code head}: {@code head} itself when none. */
    int start(Field f, int head) {
        boolean capital = Chars.isUpper(f.tok[head].charAt(0));
        int j = head;
        // a title's first word is mostly a verb: "Demystify Protein Generation"
        int first = f.title ? 1 : 0;
        while (j > first && head - j < MOST && f.gapIsSpace(j) && !f.sentenceStart[j] && !f.inUrl[j - 1]
                && isModifier(f.tok[j - 1], capital, f.sentenceStart[j - 1])) {
            j--;
            if (isConversion(f.tok[j])) {
                break; // "x-to-y" says what the task makes of what; words before it are settings ("One-Shot")
            }
        }
        // a title-case run that goes on before the phrase is some other name: "Fine-Tuned Instruction Generation",
        // "MTEB Document Retrieval"; a plain setting word before it is not ("Efficient Video Inpainting")
        if (capital && j < head && j > 0 && f.gapIsSpace(j) && Chars.isUpper(f.tok[j - 1].charAt(0))
                && !Words.CAPITAL_FUNCTION_WORDS.contains(f.tok[j - 1]) && (head - j == MOST || !isPlainWord(f.tok[j - 1]))) {
            return head;
        }
        if (j < head && withLatinFirstWord(f, j) < j) {
            return j - 1;
        }
        return j < head && isVerbAt(f, j) ? j + 1 : j;
    }

    /**
     * The first token of a modifier that starts at token k: k - 1 for the second word of a Latin modifier ("de novo
     * protein design", "in silico perturbation prediction"), else k.
     */
    static int withLatinFirstWord(Field f, int k) {
        return k > 0 && f.gapIsSpace(k) && f.is(k - 1, LATIN_FIRST_WORDS.get(f.tok[k])) ? k - 1 : k;
    }

    /** "sim-to-real", "Text-to-Image": two different words of letters joined by "-to-". */
    private static boolean isConversion(String w) {
        int to = w.indexOf("-to-");
        if (to <= 0 || to + 4 >= w.length() || w.indexOf('-', to + 4) >= 0 || w.lastIndexOf('-', to - 1) >= 0) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Chars.isLetter(w.charAt(i)) && w.charAt(i) != '-' && !(i > to + 3 && Chars.isDigit(w.charAt(i)))) {
                return false;
            }
        }
        return !w.regionMatches(true, 0, w, to + 4, w.length() - to - 4) || to != w.length() - to - 4;
    }

    /** A capitalised word of lower-case letters after its first: no hyphen compound, acronym or CamelCase name. */
    private static boolean isPlainWord(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (!Chars.isLower(w.charAt(i))) {
                return false;
            }
        }
        return w.length() > 1;
    }

    /**
     * "we revisit tool use", "to guide document retrieval", "subquestions that guide document retrieval": after "to", a
     * pronoun or a relative pronoun, a verb, not a modifier.
     */
    static boolean isVerbAt(Field f, int k) {
        return k > 0 && f.gapIsSpace(k) && (f.is(k - 1, "to") || f.isIgnoreCase(k - 1, "we") || f.isIgnoreCase(k - 1, "they")
                || f.is(k - 1, "that") || f.is(k - 1, "which"));
    }

    /** True when word {@code w} may stand before a head: in title case when the head is, else lower case. */
    boolean isModifier(String w, boolean capital, boolean sentenceStart) {
        char c = w.charAt(0);
        if (Chars.isDigit(c)) {
            return w.length() == 2 && w.charAt(1) == 'D'; // "3D", "2D"
        }
        if (capital ? !Chars.isUpper(c) : !(Chars.isLower(c) || sentenceStart && Chars.isUpper(c))) {
            return false;
        }
        // letters only, one capital at most: a hyphen compound ("first-stage", "Multi-Vector") is mostly a setting,
        // an acronym ("MTEB Retrieval") a name; the gazetteer's tasks take their hyphen modifier in Variants. An
        // "x-to-y" compound says what is turned into what: "sim-to-real transfer", "text-to-image generation"
        if (isConversion(w)) {
            return !Words.NOT_MODIFIERS.contains(w.toLowerCase(Locale.ROOT));
        }
        for (int i = 1; i < w.length(); i++) {
            if (!Chars.isLower(w.charAt(i))) {
                return false;
            }
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (Words.NOT_MODIFIERS.contains(lower) || Words.PHRASE_STOPS.contains(lower) || Words.DETERMINERS.contains(lower)
                || Words.PREPOSITIONS.contains(lower) || Words.COMMON.contains(lower) && !lex.isGeneric(lower)) {
            return false;
        }
        boolean generic = lex.isGeneric(lower);
        for (String ending : Words.MODIFIER_SUFFIXES) {
            if (lower.endsWith(ending) && !generic && !lower.endsWith("ss") && !lower.endsWith("ics")) {
                return false;
            }
        }
        Integer h = lex.head(lower);
        return h == null || h == EntityType.TASK.ordinal();
    }
}
