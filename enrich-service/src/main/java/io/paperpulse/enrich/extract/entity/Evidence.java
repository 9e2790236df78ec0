package io.paperpulse.enrich.extract.entity;

/**
 * How strongly the text supports a name and its type, weakest first. A stronger piece of evidence overrides a weaker
 * one for the same surface, and among candidates of the same length the stronger wins.
 */
enum Evidence {
    /** The token's shape alone: "SOBertBase", "GPT-4o". */
    SHAPE,
    /** The one-word name before a title's colon: "SiT: Self-supervised vIsion Transformer". */
    TITLE_NAME,
    /** A typing context: "the IMDB dataset", "datasets such as Cora, PubMed". */
    CONTEXT,
    /** The paper presents it: "we propose ForwardGNN", "a language model (Quillon)". */
    PROPOSED,
    /** The paper defines it: "Long Form (LF)", "a model called X", "X is a ... model". */
    DEFINED,
    /** A curated list holds it. */
    GAZETTEER;

    boolean atLeast(Evidence other) {
        return compareTo(other) >= 0;
    }

    /** One step weaker, for a name's other number ("Ptr-Nets" after "Ptr-Net"); never called on {@link #SHAPE}. */
    Evidence weaker() {
        return values()[ordinal() - 1];
    }
}
