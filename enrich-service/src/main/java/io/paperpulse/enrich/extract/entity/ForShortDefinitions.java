package io.paperpulse.enrich.extract.entity;

import io.paperpulse.enrich.extract.text.Shapes;

/** "Long Form, or LF for short". */
final class ForShortDefinitions implements NameRule {
    private final Naming naming;
    private final AcronymPairs pairs;

    ForShortDefinitions(Naming naming) {
        this.naming = naming;
        this.pairs = new AcronymPairs(naming);
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 2; i + 2 < f.n; i++) {
            if ((f.kw[i] & Field.KW_OR) != 0 && f.is(i, "or") && f.is(i + 2, "for") && f.is(i + 3, "short") && f.gapHas(i, ',')
                    && Shapes.isAcronymLike(f.tok[i + 1])) {
                pairs.definePair(f, p, f.tok[i + 1], i - 1, -1);
            }
        }
    }
}
