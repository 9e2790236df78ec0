package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** "Selfie, which stands for SELFie supervised Image Embedding": the short form before, the long form after. */
final class StandsForDefinitions implements NameRule {
    private final Lexicon lex;
    private final Naming naming;

    StandsForDefinitions(Naming naming) {
        this.lex = naming.lex;
        this.naming = naming;
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 1; i + 2 < f.n; i++) {
            if ((f.kw[i] & Field.KW_STANDS) != 0 && f.is(i + 1, "for")) {
                int acrTok = f.is(i - 1, "which") || f.is(i - 1, "that") ? i - 2 : i - 1;
                if (acrTok < 0 || !(Shapes.isAcronymLike(f.tok[acrTok]) || p.strength.containsKey(f.tok[acrTok])
                        || Chars.isUpper(f.tok[acrTok].charAt(0)) && !lex.isNotName(f.tok[acrTok]))) {
                    continue;
                }
                int from = i + 2;
                int j = from;
                while (j + 1 < f.n && j - from < 8 && !f.gapHasAny(j + 1, ".,;:()")) {
                    j++;
                }
                String acr = f.tok[acrTok];
                if (AcronymPairs.inOrder(f.text, f.start[from], f.end[j], acr)) {
                    // the long form ends at its last matched word
                    int end = j;
                    EntityType type = p.type.get(acr);
                    if (type == null) {
                        Integer h = lex.head(Shapes.lastPart(f.tok[end]));
                        type = h != null && h >= 0 ? Lexicon.TYPES[h] : naming.typeFor(acr, null);
                    }
                    p.learn(f.text.substring(f.start[from], f.end[end]), type, Evidence.DEFINED);
                    p.learn(acr, type, Evidence.DEFINED);
                }
            }
        }
    }
}
