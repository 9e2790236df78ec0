package io.paperpulse.enrich.extract.entity;

import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.TokenPool;

/**
 * The keyword flags and head-noun code of {@link Field}, {@link Naming#mayBeShapedName} and the gazetteer's leading-run
 * flags, for every word of the naming pool, computed once: most tokens are pooled words, so a field reads their codes
 * by slot instead of looking each token up in the lists again (the head lookup alone was a sixth of the extraction
 * time). Immutable.
 */
final class WordCodes {
    private final TokenPool pool;
    private final byte[] keywords;
    private final byte[] heads;
    private final boolean[] shapedNames;
    /** {@link Field#leadingRunFlags} of a pooled word that is one run of word characters, 0 for any other. */
    private final byte[] leadingRuns;

    WordCodes(Naming naming) {
        this.pool = naming.pool;
        this.keywords = new byte[pool.capacity()];
        this.heads = new byte[pool.capacity()];
        this.shapedNames = new boolean[pool.capacity()];
        this.leadingRuns = new byte[pool.capacity()];
        for (int slot = 0; slot < pool.capacity(); slot++) {
            String w = pool.wordAt(slot);
            if (w != null) {
                keywords[slot] = Field.keywordFlags(w);
                heads[slot] = Field.headCode(naming.lex, w);
                shapedNames[slot] = naming.mayBeShapedName(w);
                boolean oneRun = Chars.wordRunEnd(w, 0) == w.length();
                leadingRuns[slot] = oneRun ? (byte) (ONE_RUN | naming.gaz.leadingRunFlags(w, 0, w.length())) : 0;
            }
        }
    }

    /** The slot of a token cut with the pool, -1 for a token the pool does not hold. */
    int slotOf(String token) {
        return pool.slotOf(token);
    }

    byte keywords(int slot) {
        return keywords[slot];
    }

    byte head(int slot) {
        return heads[slot];
    }

    boolean mayBeShapedName(int slot) {
        return shapedNames[slot];
    }

    /** Marks a word whose {@link Gazetteer#leadingRunFlags} are known, none of them set or not. */
    static final int ONE_RUN = 4;

    byte leadingRuns(int slot) {
        return leadingRuns[slot];
    }
}
