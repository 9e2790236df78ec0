package io.paperpulse.enrich.extract.entity;

import java.util.HashMap;
import java.util.Map;

import io.paperpulse.enrich.extract.text.TokenPool;
import io.paperpulse.enrich.extract.text.Tokens;

/**
 * The title or the abstract as the entity rules read it: its tokens, a keyword flag per token (one lookup for all
 * rules) and the head-noun code of each token: read from {@link WordCodes} for pooled words, else looked up on first
 * use.
 */
final class Field extends Tokens {
    static final int KW_CALL = 1;
    static final int KW_PROPOSE = 2;
    static final int KW_TASKS = 4;
    static final int KW_STANDS = 8;
    static final int KW_OR = 16;
    /** A head of {@code task-phrase-heads.txt}, in any case ("Generation"). */
    static final int KW_TASK_HEAD = 32;
    private static final Map<String, Integer> KEYWORDS = keywords();
    private static final TokenPool TASK_HEADS = new TokenPool(Words.TASK_PHRASE_HEADS);

    final String name;
    final boolean title;
    final byte[] kw;
    private final Lexicon lex;
    private final Naming naming;
    /** Head-noun code per token: {@link #UNKNOWN} until looked up, {@link #NO_HEAD} for none. */
    private final byte[] heads;
    /** {@link WordCodes#leadingRuns} per token: 0 for a token the pool lacks or one of several runs. */
    private final byte[] leadingRuns;

    private static final byte UNKNOWN = Byte.MIN_VALUE;
    private static final byte NO_HEAD = Byte.MIN_VALUE + 1;

    Field(String text, String name, boolean title, Naming naming) {
        super(text, naming.pool);
        this.name = name;
        this.title = title;
        this.lex = naming.lex;
        this.naming = naming;
        this.kw = new byte[n];
        this.heads = new byte[n];
        this.leadingRuns = new byte[n];
        for (int k = 0; k < n; k++) {
            int slot = naming.codes.slotOf(tok[k]);
            kw[k] = slot >= 0 ? naming.codes.keywords(slot) : keywordFlags(tok[k]);
            heads[k] = slot >= 0 ? naming.codes.head(slot) : UNKNOWN;
            leadingRuns[k] = slot >= 0 ? naming.codes.leadingRuns(slot) : 0;
        }
    }

    /** The head-noun code of token k: see {@link Lexicon#head}. */
    Integer head(int k) {
        if (heads[k] == UNKNOWN) { // a token the pool lacks: pooled ones got theirs from WordCodes
            Integer h = lex.headIgnoringCase(tok[k]);
            heads[k] = h == null ? NO_HEAD : h.byteValue();
        }
        return heads[k] == NO_HEAD ? null : Integer.valueOf(heads[k]);
    }

    /**
     * The {@link Gazetteer#leadingRunFlags} of token k when it is a pooled word of one run, with
     * {@link WordCodes#ONE_RUN} set; 0 when they must be read from the text.
     */
    int leadingRunFlags(int k) {
        return leadingRuns[k];
    }

    /** {@link Naming#mayBeShapedName} of token k. */
    boolean mayBeShapedName(int k) {
        int slot = naming.codes.slotOf(tok[k]);
        return slot >= 0 ? naming.codes.mayBeShapedName(slot) : naming.mayBeShapedName(tok[k]);
    }

    /** The {@code KW_} flags of a word. */
    static byte keywordFlags(String word) {
        Integer flags = KEYWORDS.get(word);
        int taskHead = TASK_HEADS.lowerCaseOf(word) != null ? KW_TASK_HEAD : 0;
        return (byte) ((flags == null ? 0 : flags) | taskHead);
    }

    /** {@link Lexicon#head} of a word as stored per token, {@link #NO_HEAD} for none. */
    static byte headCode(Lexicon lex, String word) {
        Integer h = lex.head(word);
        return h == null ? NO_HEAD : h.byteValue();
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
