package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** "a technique called Selfie", "a framework named ERNIE 3.0", "dubbed Universal Parallel Tuning". */
final class CalledNames implements NameRule {
    private final Lexicon lex;
    private final Naming naming;

    CalledNames(Naming naming) {
        this.lex = naming.lex;
        this.naming = naming;
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 0; i + 1 < f.n; i++) {
            if ((f.kw[i] & Field.KW_CALL) == 0) {
                continue;
            }
            String w = f.tok[i];
            if (("named".equals(w) || "name".equals(w)) && (f.isIgnoreCase(i + 1, "entity")
                    || f.isIgnoreCase(i + 1, "entities") || i > 0 && f.is(i - 1, "so"))) {
                continue;
            }
            int j = i + 1;
            Integer headBefore = null;
            if ("call".equals(w) || "term".equals(w) || "name".equals(w)) {
                if (f.is(j, "it") || f.is(j, "them")) {
                    j++;
                } else if ((f.is(j, "this") || f.is(j, "the") || f.is(j, "our") || f.is(j, "these")) && j + 1 < f.n) {
                    headBefore = f.head(j + 1);
                    j += 2;
                }
                if (f.is(j, "a") || f.is(j, "an") || f.is(j, "as")) {
                    j++;
                }
            }
            if (j >= f.n || f.gapHasAny(j, ".;:(")) {
                continue;
            }
            if (headBefore == null) {
                for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
                    Integer h = f.head(k);
                    if (h != null) {
                        headBefore = h;
                        break;
                    }
                    if (f.gapHasAny(k, ".;:()") || f.sentenceStart[k]) {
                        break;
                    }
                }
            }
            String first = f.tok[j];
            if (Chars.isUpper(first.charAt(0)) || Shapes.isModelShape(first)) {
                int k = j;
                while (k + 1 < f.n && k - j < 5 && f.gapIsSpace(k + 1)
                        && (Chars.isUpper(f.tok[k + 1].charAt(0)) || Shapes.isVersion(f.tok[k + 1]))) {
                    k++;
                }
                String name = f.text.substring(f.start[j], f.end[k]);
                if (lex.isNotName(name) || Words.CAPITAL_FUNCTION_WORDS.contains(first) || naming.allGeneric(name)) {
                    continue;
                }
                Integer headLast = k > j ? lex.head(Shapes.lastPart(f.tok[k])) : null;
                if (headLast != null && headLast < 0) {
                    continue;
                }
                p.learn(name, naming.typeFor(name, headBefore != null && headBefore >= 0 ? headBefore : headLast), Evidence.DEFINED);
            } else if (Chars.isLower(first.charAt(0))) {
                int k = j;
                while (k + 1 < f.n && k - j < 3 && f.gapIsSpace(k + 1) && !Words.PHRASE_STOPS.contains(f.tok[k + 1])
                        && Chars.isLower(f.tok[k + 1].charAt(0))) {
                    k++;
                }
                Integer last = lex.head(Shapes.lastPart(f.tok[k]));
                boolean task = last != null && last == EntityType.TASK.ordinal()
                        && (headBefore == null || headBefore == EntityType.TASK.ordinal());
                if (task && !Words.PHRASE_STOPS.contains(first)) {
                    p.learn(f.text.substring(f.start[j], f.end[k]), EntityType.TASK, Evidence.DEFINED);
                }
            }
        }
    }
}
