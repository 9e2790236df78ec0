package io.paperpulse.enrich.extract.entity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.paperpulse.enrich.extract.text.Tokens;

/**
 * The title or the abstract as the entity rules read it: its tokens, a keyword flag per token (one lookup for all
 * rules) and the head-noun code of each token, looked up on first use.
 */
final class Field extends Tokens {
    static final int KW_CALL = 1;
    static final int KW_PROPOSE = 2;
    static final int KW_TASKS = 4;
    static final int KW_STANDS = 8;
    static final int KW_OR = 16;
    private static final Map<String, Integer> KEYWORDS = keywords();

    final String name;
    final boolean title;
    final byte[] kw;
    private final Lexicon lex;
    /** Head-noun code per token: {@link #UNKNOWN} until looked up, {@link #NO_HEAD} for none. */
    private final byte[] heads;

    private static final byte UNKNOWN = Byte.MIN_VALUE;
    private static final byte NO_HEAD = Byte.MIN_VALUE + 1;

    Field(String text, String name, boolean title, Naming naming) {
        super(text, naming.pool);
        this.name = name;
        this.title = title;
        this.lex = naming.lex;
        this.kw = new byte[n];
        for (int k = 0; k < n; k++) {
            Integer flags = KEYWORDS.get(tok[k]);
            kw[k] = flags == null ? 0 : flags.byteValue();
        }
        this.heads = new byte[n];
        Arrays.fill(heads, UNKNOWN);
    }

    /** The head-noun code of token k: see {@link Lexicon#head}. */
    Integer head(int k) {
        if (heads[k] == UNKNOWN) {
            Integer h = lex.head(tok[k]);
            heads[k] = h == null ? NO_HEAD : h.byteValue();
        }
        return heads[k] == NO_HEAD ? null : Integer.valueOf(heads[k]);
    }

    private static Map<String, Integer> keywords() {
        Map<String, Integer> m = new HashMap<>();
        Words.CALL_VERBS.forEach(w -> m.merge(w, KW_CALL, (a, b) -> a | b));
        Words.PROPOSE_VERBS.forEach(w -> m.merge(w, KW_PROPOSE, (a, b) -> a | b));
        m.merge("tasks", KW_TASKS, (a, b) -> a | b);
        m.merge("task", KW_TASKS, (a, b) -> a | b);
        m.merge("stands", KW_STANDS, (a, b) -> a | b);
        m.merge("stand", KW_STANDS, (a, b) -> a | b);
        m.merge("or", KW_OR, (a, b) -> a | b);
        m.merge("is", KW_OR, (a, b) -> a | b);
        return m;
    }
}
