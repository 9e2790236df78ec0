package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Shapes;

/**
 * A short form and its long form (Schwartz and Hearst's matching): whether they pair up, and the type they share,
 * or none when they name a field, a paradigm or a family (then the short form is blocked).
 */
final class AcronymPairs {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;

    AcronymPairs(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
    }

    /** Acronym {@code acr} defined by the long form ending at token {@code last}; true when a long form matched. */
    boolean definePair(Field f, Names p, String acr, int last, int after) {
        if (last < 0) {
            return false;
        }
        String core = acr.length() > 2 && acr.endsWith("s") && Shapes.isAllCaps(acr.substring(0, acr.length() - 1))
                ? acr.substring(0, acr.length() - 1) : acr;
        int letters = 0;
        for (int c = 0; c < core.length(); c++) {
            letters += Character.isLetterOrDigit(core.charAt(c)) ? 1 : 0;
        }
        int maxWords = Math.min(letters + 2, letters * 2);
        int first = last;
        while (first > 0 && last - first + 1 < maxWords && !f.gapHasAny(first, ".,;:()[]\"") && !f.sentenceStart[first]) {
            first--;
        }
        int matched = schwartzHearst(f.text, f.start[first], f.end[last], core);
        if (matched < 0 && Shapes.hasDigit(core)) {
            matched = schwartzHearst(f.text, f.start[first], f.end[last], core.replaceAll("[0-9]", ""));
        }
        if (matched < 0) {
            return false;
        }
        int lfTok = first;
        while (lfTok < last && f.end[lfTok] <= matched) {
            lfTok++;
        }
        if (Character.toLowerCase(f.text.charAt(f.start[lfTok])) != Character.toLowerCase(Shapes.firstLetter(core))) {
            return false;
        }
        if (lfTok == last && f.tok[last].equalsIgnoreCase(core)) {
            return false;
        }
        String longForm = f.text.substring(f.start[lfTok], f.end[last]);
        EntityType type = pairType(f, acr, longForm, lfTok, last, after);
        if (type == null) {
            p.block(acr);
            return true;
        }
        p.learn(acr, type, Evidence.DEFINED);
        p.learn(longForm, type, Evidence.DEFINED);
        return true;
    }

    /** The first head noun, in order of preference, whose type the gazetteer lists the name under; else null. */
    private static EntityType listedType(int mask, Integer first, Integer second, Integer third) {
        EntityType type = listed(mask, first);
        if (type == null) {
            type = listed(mask, second);
        }
        return type != null ? type : listed(mask, third);
    }

    private static EntityType listed(int mask, Integer head) {
        return head != null && head >= 0 && (mask & (1 << head)) != 0 ? Lexicon.TYPES[head] : null;
    }

    /** The type an acronym and its long form share, or null when they name a field, a paradigm or a family. */
    EntityType pairType(Field f, String acr, String longForm, int lfTok, int last, int after) {
        int mask = gaz.typesOf(acr) | gaz.typesOf(longForm);
        Integer afterHead = after >= 0 && f.gapIsSpaceOrParen(after) ? f.head(after) : null;
        Integer apposition = after >= 0 ? naming.appositionHead(f, after) : null;
        Integer lfHead = lex.head(Shapes.lastPart(f.tok[last]));
        if (mask != 0) {
            EntityType listed = listedType(mask, afterHead, apposition, lfHead);
            return listed != null ? listed : Gazetteer.primary(mask);
        }
        if (lex.isNotName(acr)) {
            return null;
        }
        boolean generic = true;
        for (int k = lfTok; k <= last && generic; k++) {
            generic = naming.allGeneric(f.tok[k]);
        }
        boolean mixedCase = !Shapes.isAllCaps(acr.endsWith("s") ? acr.substring(0, acr.length() - 1) : acr);
        if (generic && !mixedCase) {
            return null;
        }
        Integer h = afterHead != null ? afterHead : apposition != null ? apposition : lfHead;
        return h == null || h < 0 ? null : Lexicon.TYPES[h];
    }

    /** True when the long form starts with the short form's first letter and holds all its letters in order. */
    static boolean inOrder(String text, int lo, int hi, String shortForm) {
        if (lo >= hi || Character.toLowerCase(text.charAt(lo)) != Character.toLowerCase(Shapes.firstLetter(shortForm))) {
            return false;
        }
        int l = lo;
        for (int s = 0; s < shortForm.length(); s++) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (l < hi && Character.toLowerCase(text.charAt(l)) != c) {
                l++;
            }
            if (l >= hi) {
                return false;
            }
            l++;
        }
        return true;
    }

    /**
     * Schwartz and Hearst's long-form match: walks the short form backwards, matching each character in the long
     * text, the first one at a word start. Returns the offset where the long form starts, or -1.
     */
    static int schwartzHearst(String text, int lo, int hi, String shortForm) {
        int s = shortForm.length() - 1;
        int l = hi - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= lo && (Character.toLowerCase(text.charAt(l)) != c
                    || (s == 0 && l > lo && Character.isLetterOrDigit(text.charAt(l - 1))))) {
                l--;
            }
            if (l < lo) {
                return -1;
            }
            l--;
            s--;
        }
        return l + 1;
    }
}
