package io.paperpulse.enrich.extract.entity;

import java.util.Locale;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** "SiT: Self-supervised vIsion Transformer": a one-word name before a title's colon. */
final class TitlePrefixName implements NameRule {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;

    TitlePrefixName(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
    }

    @Override
    public void learn(Field t, Field a, Names p) {
        int colon = t.text.indexOf(':');
        if (colon <= 0 || t.n == 0) {
            return;
        }
        int last = t.tokenEndingAt(colon);
        if (last < 0 || last > 1) {
            return;
        }
        if (last == 1 && !Shapes.isVersion(t.tok[1])) {
            return;
        }
        String name = t.text.substring(t.start[0], t.end[last]);
        String word = t.tok[0];
        if (lex.isNotName(word) || Words.CAPITAL_FUNCTION_WORDS.contains(word) || lex.isGeneric(word)) {
            return;
        }
        boolean shaped = Shapes.isModelShape(word) || (Shapes.isAllCaps(word) && word.length() >= 2) || Shapes.hasInnerCapital(word);
        boolean apposition = last + 2 < t.n && (t.isIgnoreCase(last + 1, "a") || t.isIgnoreCase(last + 1, "an"))
                && lex.hasModelStem(word);
        if (!shaped && !usedAsName(a, word) && !apposition) {
            return;
        }
        if (apposition && Chars.isLower(word.charAt(0)) && last == 0) {
            String capital = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            if (usedAsName(a, capital) || a.text.startsWith(capital)) {
                p.learn(capital, EntityType.MODEL, Evidence.TITLE_NAME);
            }
        }
        if (p.strength.containsKey(name)) {
            return;
        }
        int mask = gaz.typesOf(name) | gaz.typesOf(word);
        if (mask != 0) {
            p.learn(name, Gazetteer.primary(mask), Evidence.GAZETTEER);
            return;
        }
        if (p.strength.containsKey(word)) {
            p.learn(name, p.type.get(word), p.strength.get(word));
            return;
        }
        int tail = last + 1;
        // "TripScore: Benchmarking and rewarding travel planning", "VER-Bench: Evaluating MLLMs on ...": a benchmark
        if (tail < t.n && (t.is(tail, "Benchmarking") || t.is(tail, "Evaluating"))) {
            p.learn(name, EntityType.DATASET, Evidence.TITLE_NAME);
            return;
        }
        // the head noun of the title's tail: the last word before its first preposition, when the tail is a noun phrase
        Integer head = null;
        if (tail < t.n && (t.is(tail, "A") || t.is(tail, "An"))) {
            tail++;
        } else if (tail < t.n && (t.tok[tail].endsWith("ing") && lex.head(Shapes.lastPart(t.tok[tail])) == null
                || Words.CAPITAL_FUNCTION_WORDS.contains(t.tok[tail]) || t.tok[tail].equals("Towards"))) {
            tail = t.n;
        }
        for (int k = tail; k < t.n; k++) {
            if (Words.PHRASE_STOPS.contains(t.tok[k].toLowerCase(Locale.ROOT)) && k > tail) {
                head = lex.head(Shapes.lastPart(t.tok[k - 1]));
                break;
            }
            if (k == t.n - 1) {
                head = lex.head(Shapes.lastPart(t.tok[k]));
            }
        }
        EntityType type = head != null && head == EntityType.TASK.ordinal() ? EntityType.METHOD
                : head != null && head >= 0 ? Lexicon.TYPES[head] : naming.typeFor(name, null);
        p.learn(name, type, Evidence.TITLE_NAME);
    }

    /** True when the abstract writes the word capitalised where a sentence does not start. */
    private static boolean usedAsName(Field a, String word) {
        for (int k = 0; k < a.n; k++) {
            if (!a.sentenceStart[k] && a.tok[k].equals(word)) {
                return true;
            }
        }
        return false;
    }
}
