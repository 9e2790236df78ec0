package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** "we propose ForwardGNN", "This paper introduces a generic framework W2PGNN", "We propose InstaTune, a method". */
final class ProposedNames implements NameRule {
    private final Lexicon lex;
    private final Naming naming;

    ProposedNames(Naming naming) {
        this.lex = naming.lex;
        this.naming = naming;
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 1; i + 1 < f.n; i++) {
            if ((f.kw[i] & Field.KW_PROPOSE) == 0) {
                continue;
            }
            boolean subject = false;
            for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
                subject |= Words.SUBJECTS.contains(f.tok[k]);
            }
            if (!subject) {
                continue;
            }
            Integer headBefore = null;
            for (int j = i + 1; j < f.n && j <= i + 7; j++) {
                if (f.gapHasAny(j, ".;:(),") || f.sentenceStart[j]) {
                    break;
                }
                String w = f.tok[j];
                if ((f.kw[j] & Field.KW_CALL) != 0) {
                    break;
                }
                if (naming.isNameToken(f, j, true)) {
                    int k = j;
                    while (k + 1 < f.n && k - j < 3 && f.gapIsSpace(k + 1)
                            && (Shapes.isVersion(f.tok[k + 1]) || (Chars.isUpper(f.tok[k + 1].charAt(0))
                                    && !Words.CAPITAL_FUNCTION_WORDS.contains(f.tok[k + 1])))) {
                        k++;
                    }
                    if (k + 1 < f.n && "(".equals(f.gap(k + 1))) {
                        break; // an acronym definition follows: learnAcronyms decides
                    }
                    String name = f.text.substring(f.start[j], f.end[k]);
                    Integer headLast = k > j ? lex.head(Shapes.lastPart(f.tok[k])) : null;
                    if (headLast != null && headLast < 0 || naming.allGeneric(name)) {
                        break;
                    }
                    Integer apposition = null;
                    for (int c = k + 1; c < f.n && c <= k + 5 && apposition == null; c++) {
                        if (f.gapHasAny(c, ".;:()")) {
                            break;
                        }
                        if (f.gapHas(c, ',')) {
                            apposition = naming.appositionHead(f, c);
                            break;
                        }
                    }
                    Integer head = apposition != null ? apposition : headBefore != null ? headBefore : headLast;
                    if (head != null && head < 0) {
                        break;
                    }
                    if (head != null && head == EntityType.TASK.ordinal()) {
                        head = EntityType.METHOD.ordinal();
                    }
                    p.learn(name, naming.typeFor(name, head), Evidence.PROPOSED);
                    break;
                }
                Integer h = lex.head(w);
                if (h != null) {
                    headBefore = h;
                } else if (!Chars.isLower(w.charAt(0)) || Words.PREPOSITIONS.contains(w)) {
                    break;
                }
            }
        }
    }
}
