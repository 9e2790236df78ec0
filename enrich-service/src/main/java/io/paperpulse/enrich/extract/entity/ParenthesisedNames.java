package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/**
 * Names defined with parentheses: "Long Form (LF)", "LF (short for Long Form)", "BLURB benchmark (Biomedical ...
 * Benchmark)", and a capitalised or shaped name after the noun that types it: "a new language model (Quillon)".
 */
final class ParenthesisedNames implements NameRule {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;
    private final AcronymPairs pairs;

    ParenthesisedNames(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
        this.pairs = new AcronymPairs(naming);
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        String text = f.text;
        for (int i = 1; i < f.n; i++) {
            if (f.inUrl[i] || !f.gapIs(i, '(')) {
                continue;
            }
            int close = -1;
            for (int c = f.start[i], limit = Math.min(text.length(), f.start[i] + 160); c < limit; c++) {
                char ch = text.charAt(c);
                if (ch == ')') {
                    close = c;
                    break;
                }
                if (ch == '(') {
                    break;
                }
            }
            if (close < 0) {
                continue;
            }
            int j = i;
            while (j + 1 < f.n && f.end[j + 1] <= close) {
                j++;
            }
            int m = j - i + 1;
            int after = j + 1 < f.n ? j + 1 : -1;
            boolean forShort = m == 3 && f.is(i + 1, "for") && f.is(i + 2, "short");
            if (m == 1 || forShort || (m == 2 && Shapes.isAllCaps(f.tok[i]) && Shapes.isAllCaps(f.tok[j]))) {
                String acr = text.substring(f.start[i], f.end[forShort ? i : j]);
                if (Shapes.isAcronymLike(acr)) {
                    if (!pairs.definePair(f, p, acr, i - 1, after)) {
                        nameInParentheses(f, p, acr, i, after);
                    }
                    continue;
                }
                // "a new biomedical language model (Quillon)": a capitalised name right after its head noun
                if (m == 1 && Chars.isUpper(acr.charAt(0)) && !Words.CAPITAL_FUNCTION_WORDS.contains(acr) && !lex.isGeneric(acr)
                        && !lex.isNotName(acr) && i >= 1 && f.head(i - 1) != null && f.head(i - 1) >= 0
                        && f.head(i - 1) != EntityType.TASK.ordinal()) {
                    p.learn(acr, Lexicon.TYPES[f.head(i - 1)], Evidence.PROPOSED);
                    continue;
                }
                // "Cursor (Anysphere)": an unknown capitalised word after a model's name is the model's maker
                if (m == 1 && isMakerName(acr) && i >= 1 && isModelName(f.tok[i - 1], p)) {
                    p.learn(acr, EntityType.ORG, Evidence.CONTEXT);
                    continue;
                }
            }
            if (m >= 2) {
                reverseDefinition(f, p, i, j, after);
            }
        }
    }

    /** "BLURB benchmark (short for Biomedical ... Benchmark)", "CaseHOLD (Case Holdings On Legal Decisions)". */
    private void reverseDefinition(Field f, Names p, int i, int j, int after) {
        int from = i;
        if (f.is(i, "short") && f.is(i + 1, "for")) {
            from = i + 2;
        }
        if (from > j) {
            return;
        }
        int acrTok = i - 1;
        Integer headAfterAcr = null;
        if (acrTok > 0 && f.head(acrTok) != null && !Shapes.isAcronymLike(f.tok[acrTok])) {
            headAfterAcr = f.head(acrTok);
            acrTok--;
        }
        if (acrTok < 0 || !Shapes.isAcronymLike(f.tok[acrTok])) {
            return;
        }
        String acr = f.tok[acrTok];
        int matched = AcronymPairs.schwartzHearst(f.text, f.start[from], f.end[j], acr);
        if (matched < 0 || matched >= f.end[from] || (from == i && f.start[from] != matched)) {
            return;
        }
        if (Character.toLowerCase(f.text.charAt(f.start[from])) != Character.toLowerCase(Shapes.firstLetter(acr))) {
            return;
        }
        String longForm = f.text.substring(f.start[from], f.end[j]);
        EntityType type = pairs.pairType(f, acr, longForm, from, j, after);
        if (type == null && headAfterAcr != null && headAfterAcr >= 0) {
            type = Lexicon.TYPES[headAfterAcr];
        }
        if (type == null) {
            return;
        }
        p.learn(acr, type, Evidence.DEFINED);
        p.learn(longForm, type, Evidence.DEFINED);
    }
    /** A capitalised word of letters that no list knows and that is no model-shaped name: a maker's name. */
    private boolean isMakerName(String w) {
        if (!Chars.isUpper(w.charAt(0)) || w.length() < 3 || gaz.typesOf(w) != 0 || lex.isGeneric(w) || lex.isNotName(w)
                || Words.CAPITAL_FUNCTION_WORDS.contains(w) || Shapes.isModelShape(w)) {
            return false;
        }
        for (int c = 1; c < w.length(); c++) {
            if (!Chars.isLetter(w.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private boolean isModelName(String w, Names p) {
        return p.type.get(w) == EntityType.MODEL || Gazetteer.primary(gaz.typesOf(w)) == EntityType.MODEL;
    }

    /** "a light-weight tuning method (NMTune)": a name in parentheses typed by the noun before it. */
    private void nameInParentheses(Field f, Names p, String name, int i, int after) {
        if (lex.isNotName(name) || !(Shapes.isModelShape(name) || Shapes.isAllCaps(name) || Shapes.hasInnerCapital(name))) {
            return;
        }
        int before = i - 1;
        int mask = before >= 0 ? gaz.typesOf(f.tok[before]) : 0;
        if (mask != 0 && Gazetteer.primary(mask) != EntityType.TASK) {
            p.learn(name, Gazetteer.primary(mask), Evidence.PROPOSED);
            return;
        }
        for (int k = before; k >= 0 && k > before - 7; k--) {
            Integer h = f.head(k);
            if (h != null && h >= 0 && h != EntityType.TASK.ordinal()) {
                p.learn(name, Lexicon.TYPES[h], Evidence.PROPOSED);
                return;
            }
            if (k < before + 1 && f.gapHasAny(k, ".;:()") || f.sentenceStart[k]) {
                break;
            }
        }
    }
}
