package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** Lists of names after a plural head noun: "datasets such as Cora, PubMed and ogbn-arxiv". */
final class NameLists {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;

    NameLists(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
    }

    /** Index of the first item of a list introduced after token {@code i-1}, or -1. */
    static int listStart(Field f, int i) {
        String gap = f.gap(i);
        if (f.is(i, "such") && f.is(i + 1, "as")) {
            return i + 2 < f.n ? i + 2 : -1;
        }
        if (Words.LIST_INTROS.contains(f.tok[i]) && (gap.isEmpty() || gap.equals(",") || gap.equals("("))) {
            if (f.is(i, "e") || f.is(i, "i")) {
                return i + 2 < f.n && (f.is(i + 1, "g") || f.is(i + 1, "e")) ? i + 2 : -1;
            }
            return i + 1 < f.n ? i + 1 : -1;
        }
        if (gap.equals(":") || gap.equals("(") || gap.equals("-") || gap.equals("--") || gap.equals("—")
                || gap.equals(", including")) {
            return i;
        }
        return -1;
    }

    void learnList(Field f, Names p, int j, EntityType type) {
        int accepted = 0;
        for (int items = 0; j < f.n && items < 12; items++) {
            while (j < f.n && (f.is(j, "and") || f.is(j, "or") || (f.is(j, "as") && f.is(j + 1, "well")))) {
                j += f.is(j, "as") ? 3 : 1;
            }
            if (j >= f.n || f.gapHasAny(j, ".;)") && items > 0) {
                return;
            }
            if (!isListItem(f, j, accepted > 0)) {
                return;
            }
            accepted++;
            int e = j;
            if (e + 1 < f.n && Shapes.isVersion(f.tok[e + 1]) && f.gapIsSpace(e + 1) && !Variants.followedByTimes(f, e + 1)) {
                e++;
            }
            String item = f.text.substring(f.start[j], f.end[e]);
            if (gaz.typesOf(f.tok[j]) == 0 && !lex.isNotName(item)) {
                p.learn(item, type, Evidence.CONTEXT);
            }
            int next = e + 1;
            // skip the rest of a multi-word item ("ImageNet 32 x 32")
            while (next < f.n && !f.gapHasAny(next, ",;.)") && (Chars.isDigit(f.tok[next].charAt(0))
                    || f.is(next, "x")) && next - e < 4) {
                next++;
            }
            if (next >= f.n || f.gapHasAny(next, ".;)")) {
                return;
            }
            if (!f.gapHas(next, ',') && !f.is(next, "and") && !f.is(next, "or") && !f.is(next, "as")) {
                return;
            }
            j = next;
        }
    }

    boolean isListItem(Field f, int j) {
        return isListItem(f, j, false);
    }

    /** A list item that may be a name; lower-case hyphenated items ("ogbn-arxiv") need a digit or named neighbours. */
    boolean isListItem(Field f, int j, boolean namedNeighbours) {
        String w = f.tok[j];
        if (f.inUrl[j] || Words.CAPITAL_FUNCTION_WORDS.contains(w) || lex.isNotName(w)
                || Chars.isUpper(w.charAt(0)) && !naming.trimLowerParts(w).equals(w) && !Shapes.hasDigit(w)) {
            return false;
        }
        if (Shapes.isModelShape(w)) {
            return true;
        }
        if (Chars.isUpper(w.charAt(0))) {
            return !lex.isGeneric(w) && (!f.title || Shapes.isAllCaps(w)) && !f.sentenceStart[j];
        }
        return Chars.isLower(w.charAt(0)) && (Shapes.hasDigit(w) || namedNeighbours && w.indexOf('-') > 0)
                && !Shapes.isCommonCompound(w);
    }

    String itemText(Field f, int j) {
        int e = j;
        if (e + 1 < f.n && Shapes.isVersion(f.tok[e + 1]) && f.gapIsSpace(e + 1) && !Variants.followedByTimes(f, e + 1)) {
            e++;
        }
        return f.text.substring(f.start[j], f.end[e]);
    }
}
