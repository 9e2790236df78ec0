package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;

/** "Neuroformer is a ... transformer model": the first head noun after "NAME is a/an" types a learned name. */
final class CopulaTypes implements NameRule {
    private final Gazetteer gaz;

    CopulaTypes(Naming naming) {
        this.gaz = naming.gaz;
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 0; i + 2 < f.n; i++) {
            if ((f.kw[i + 1] & Field.KW_OR) == 0 || !(f.is(i + 1, "is") && (f.is(i + 2, "a") || f.is(i + 2, "an")))) {
                continue;
            }
            String name = f.tok[i];
            Evidence s = p.strength.get(name);
            if (s == null || s.atLeast(Evidence.DEFINED) || gaz.typesOf(name) != 0) {
                continue;
            }
            for (int k = i + 3; k < f.n && k <= i + 10; k++) {
                if (f.gapHasAny(k, ".;:")) {
                    break;
                }
                Integer h = f.head(k);
                if (h != null) {
                    if (h >= 0) {
                        p.retype(name, Lexicon.TYPES[h]);
                    }
                    break;
                }
            }
        }
    }
}
