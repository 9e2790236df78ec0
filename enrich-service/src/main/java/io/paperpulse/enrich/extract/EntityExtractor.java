package io.paperpulse.enrich.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;

/**
 * Finds the named entities of a paper: gazetteer matches plus rules for names no list has. Works in two passes: the
 * first learns the paper's own names from both fields (acronym definitions, "called X", "we propose X", "the X
 * dataset", lists after "datasets such as", the name before a title's colon); the second reports every bounded
 * occurrence of gazetteer entries, learned names and model-like tokens, longest match first, one entry per distinct
 * (type, surface), title before abstract. Stateless and thread-safe; linear in the text length.
 */
final class EntityExtractor {
    static final int GAZ = 6;
    static final int DEFINED = 5;
    static final int PROPOSED = 4;
    static final int CONTEXT = 3;
    static final int TITLE_NAME = 2;
    static final int SHAPE = 1;

    private static final Set<String> CALL_VERBS = Set.of("called", "named", "dubbed", "termed", "term", "call",
            "coined", "nicknamed", "name");
    private static final Set<String> PROPOSE_VERBS = Set.of("propose", "proposes", "introduce", "introduces",
            "present", "presents", "develop", "develops", "design", "designs", "build", "builds", "create",
            "creates", "release", "releases", "construct", "constructs", "compile", "compiles", "devise", "devises",
            "establish", "establishes");
    private static final Set<String> SUBJECTS = Set.of("we", "We", "paper", "work", "study", "article", "authors");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "these", "our", "its", "their",
            "that", "those", "many", "several", "various", "some", "all", "each", "both", "other", "types", "type",
            "kinds", "kind", "of", "new", "novel");
    private static final Set<String> PREPOSITIONS = Set.of("for", "of", "on", "in", "with", "to", "from", "by", "via",
            "using", "into", "that", "which", "where", "as", "at", "over", "under", "between", "across", "and", "or");
    private static final Set<String> RUN_GLUE = Set.of("of", "in", "the", "for", "on", "and", "to");
    private static final Set<String> INTRODUCED = Set.of("introduced", "new", "novel", "proposed", "released",
            "curated", "created", "collected", "constructed", "our");
    private static final Set<String> LIST_INTROS = Set.of("including", "like", "namely", "e", "i");
    private static final Set<String> PHRASE_STOPS = Set.of("which", "that", "for", "to", "in", "with", "where",
            "as", "by", "on", "from", "and", "or", "is", "are", "was", "were", "we", "it", "its", "the", "a", "an",
            "of", "via", "using", "based", "at", "than", "into", "while", "whose", "but");
    private static final Set<String> CAPITAL_FUNCTION_WORDS = Set.of("A", "An", "The", "In", "On", "Of", "For",
            "To", "We", "Our", "This", "These", "That", "It", "And", "Or", "With", "By", "As", "At", "From", "Is",
            "Are", "Be", "Can", "Do", "Does", "How", "What", "When", "Why", "Which", "Who", "Not", "No", "All", "Its",
            "Their", "Then", "Thus", "Here", "There", "Finally", "First", "Second", "Third", "Moreover", "However",
            "Furthermore", "Specifically", "Besides", "Also", "Further", "Each", "Both", "Such", "Using", "Based");

    private final Gazetteer gaz;
    private final Lexicon lex;

    EntityExtractor(Gazetteer gaz, Lexicon lex) {
        this.gaz = gaz;
        this.lex = lex;
    }

    List<Entity> extract(String title, String abstractText) {
        Field t = new Field(title, Entity.TITLE, true);
        Field a = new Field(abstractText, Entity.ABSTRACT, false);
        prepare(t);
        prepare(a);
        Paper p = new Paper();
        learnAcronyms(a, p);
        learnAcronyms(t, p);
        learnCalled(a, p);
        learnProposed(a, p);
        learnContexts(a, p);
        learnContexts(t, p);
        learnTaskLists(a, p);
        learnTitlePrefix(t, a, p);
        learnCopulas(a, p);
        List<Entity> out = new ArrayList<>();
        Map<String, EntityType> typeOfSurface = new HashMap<>();
        Set<String> seen = new HashSet<>();
        emit(t, p, typeOfSurface, seen, out);
        emit(a, p, typeOfSurface, seen, out);
        return out;
    }

    // ------------------------------------------------------------------ learning the paper's own names

    /** Names this paper defines or uses in a typing context, with the type and the strength of the evidence. */
    static final class Paper {
        final Map<String, EntityType> type = new LinkedHashMap<>();
        final Map<String, Integer> strength = new HashMap<>();
        final Set<String> blocked = new HashSet<>();

        void learn(String name, EntityType t, int s) {
            if (name == null || name.isBlank() || t == null || name.length() > 120) {
                return;
            }
            Integer old = strength.get(name);
            if (old != null && old >= s) {
                return;
            }
            if (blocked.contains(name) && s < DEFINED) {
                return;
            }
            type.put(name, t);
            strength.put(name, s);
            if (s >= PROPOSED && name.length() > 2 && Chars.isLetter(name.charAt(name.length() - 1))) {
                // "Ptr-Net" / "Ptr-Nets", "... Transformers" / "... Transformer": the other number, a bit weaker
                String other = name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1)
                        : name + "s";
                if (!strength.containsKey(other) && !blocked.contains(other) && Chars.isLetter(other.charAt(other.length() - 1))) {
                    type.put(other, t);
                    strength.put(other, s - 1);
                }
            }
        }

        void block(String name) {
            if (!strength.containsKey(name)) {
                blocked.add(name);
            }
            String other = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "s";
            if (!strength.containsKey(other)) {
                blocked.add(other);
            }
        }
    }

    /** "Long Form (LF)", "LF (Long Form)", "LF (short for Long Form)", "Long Form, or LF for short", "noun (Name)". */
    private void learnAcronyms(Field f, Paper p) {
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
            if (m == 1 || forShort || (m == 2 && Lexicon.isAllCaps(f.tok[i]) && Lexicon.isAllCaps(f.tok[j]))) {
                String acr = text.substring(f.start[i], f.end[forShort ? i : j]);
                if (acronymLike(acr)) {
                    if (!definePair(f, p, acr, i - 1, after)) {
                        nameInParentheses(f, p, acr, i, after);
                    }
                    continue;
                }
                // "a new biomedical language model (Quillon)": a capitalised name right after its head noun
                if (m == 1 && Chars.isUpper(acr.charAt(0)) && !CAPITAL_FUNCTION_WORDS.contains(acr) && !lex.isGeneric(acr)
                        && !lex.isNotName(acr) && i >= 1 && head(f, i - 1) != null && head(f, i - 1) >= 0
                        && head(f, i - 1) != EntityType.TASK.ordinal()) {
                    p.learn(acr, EntityType.values()[head(f, i - 1)], DEFINED - 1);
                    continue;
                }
            }
            if (m >= 2) {
                reverseDefinition(f, p, i, j, after);
            }
        }
        // "Selfie, which stands for SELFie supervised Image Embedding"
        for (int i = 1; i + 2 < f.n; i++) {
            if ((f.kw[i] & KW_STANDS) != 0 && f.is(i + 1, "for")) {
                int acrTok = f.is(i - 1, "which") || f.is(i - 1, "that") ? i - 2 : i - 1;
                if (acrTok < 0 || !(acronymLike(f.tok[acrTok]) || p.strength.containsKey(f.tok[acrTok])
                        || Chars.isUpper(f.tok[acrTok].charAt(0)) && !lex.isNotName(f.tok[acrTok]))) {
                    continue;
                }
                int from = i + 2;
                int j = from;
                while (j + 1 < f.n && j - from < 8 && !f.gapHasAny(j + 1, ".,;:()")) {
                    j++;
                }
                String acr = f.tok[acrTok];
                if (inOrder(f.text, f.start[from], f.end[j], acr)) {
                    // the long form ends at its last matched word
                    int end = j;
                    EntityType type = p.type.get(acr);
                    if (type == null) {
                        Integer h = lex.head(lastPart(f.tok[end]));
                        type = h != null && h >= 0 ? EntityType.values()[h] : typeFor(acr, null);
                    }
                    p.learn(f.text.substring(f.start[from], f.end[end]), type, DEFINED);
                    p.learn(acr, type, DEFINED);
                }
            }
        }
        // "Long Form, or LF for short"
        for (int i = 2; i + 2 < f.n; i++) {
            if ((f.kw[i] & KW_OR) != 0 && f.is(i, "or") && f.is(i + 2, "for") && f.is(i + 3, "short") && f.gapHas(i, ',')
                    && acronymLike(f.tok[i + 1])) {
                definePair(f, p, f.tok[i + 1], i - 1, -1);
            }
        }
    }

    /** Acronym {@code acr} defined by the long form ending at token {@code last}; true when a long form matched. */
    private boolean definePair(Field f, Paper p, String acr, int last, int after) {
        if (last < 0) {
            return false;
        }
        String core = acr.length() > 2 && acr.endsWith("s") && Lexicon.isAllCaps(acr.substring(0, acr.length() - 1))
                ? acr.substring(0, acr.length() - 1) : acr;
        int letters = 0;
        for (int c = 0; c < core.length(); c++) {
            letters += Character.isLetterOrDigit(core.charAt(c)) ? 1 : 0;
        }
        int maxWords = Math.min(letters + 2, letters * 2);
        int first = last;
        while (first > 0 && last - first + 1 < maxWords && !f.gapHasAny(first, ".,;:()[]\"") && !f.sentenceStart[first]) {
            first--;
        }
        if (f.gapHasAny(first, ",;:()[]\"") && first < last) {
            // first token sits after punctuation: it may still start the long form
        }
        int matched = schwartzHearst(f.text, f.start[first], f.end[last], core);
        if (matched < 0 && hasDigit(core)) {
            matched = schwartzHearst(f.text, f.start[first], f.end[last], core.replaceAll("[0-9]", ""));
        }
        if (matched < 0) {
            return false;
        }
        int lfTok = first;
        while (lfTok < last && f.end[lfTok] <= matched) {
            lfTok++;
        }
        if (Character.toLowerCase(f.text.charAt(f.start[lfTok])) != Character.toLowerCase(firstLetter(core))) {
            return false;
        }
        if (lfTok == last && f.tok[last].equalsIgnoreCase(core)) {
            return false;
        }
        String longForm = f.text.substring(f.start[lfTok], f.end[last]);
        EntityType type = pairType(f, acr, longForm, lfTok, last, after);
        if (type == null) {
            p.block(acr);
            return true;
        }
        p.learn(acr, type, DEFINED);
        p.learn(longForm, type, DEFINED);
        return true;
    }

    /** The type an acronym and its long form share, or null when they name a field, a paradigm or a family. */
    private EntityType pairType(Field f, String acr, String longForm, int lfTok, int last, int after) {
        int mask = gaz.typesOf(acr) | gaz.typesOf(longForm);
        Integer afterHead = after >= 0 && f.gapIsSpaceOrParen(after) ? head(f, after) : null;
        Integer apposition = after >= 0 ? appositionHead(f, after) : null;
        Integer lfHead = lex.head(lastPart(f.tok[last]));
        if (mask != 0) {
            for (Integer h : new Integer[] {afterHead, apposition, lfHead}) {
                if (h != null && h >= 0 && (mask & (1 << h)) != 0) {
                    return EntityType.values()[h];
                }
            }
            return Gazetteer.primary(mask);
        }
        if (lex.isNotName(acr)) {
            return null;
        }
        boolean generic = true;
        for (int k = lfTok; k <= last && generic; k++) {
            for (String part : f.tok[k].split("-")) {
                generic &= lex.isGeneric(part);
            }
        }
        boolean mixedCase = !Lexicon.isAllCaps(acr.endsWith("s") ? acr.substring(0, acr.length() - 1) : acr);
        if (generic && !mixedCase) {
            return null;
        }
        for (Integer h : new Integer[] {afterHead, apposition, lfHead}) {
            if (h != null) {
                if (h < 0) {
                    return null;
                }
                return refine(EntityType.values()[h], longForm + " " + acr);
            }
        }
        return null;
    }

    /** "BLURB benchmark (short for Biomedical ... Benchmark)", "CaseHOLD (Case Holdings On Legal Decisions)". */
    private void reverseDefinition(Field f, Paper p, int i, int j, int after) {
        int from = i;
        if (f.is(i, "short") && f.is(i + 1, "for")) {
            from = i + 2;
        }
        if (from > j) {
            return;
        }
        int acrTok = i - 1;
        Integer headAfterAcr = null;
        if (acrTok > 0 && head(f, acrTok) != null && !acronymLike(f.tok[acrTok])) {
            headAfterAcr = head(f, acrTok);
            acrTok--;
        }
        if (acrTok < 0 || !acronymLike(f.tok[acrTok])) {
            return;
        }
        String acr = f.tok[acrTok];
        int matched = schwartzHearst(f.text, f.start[from], f.end[j], acr);
        if (matched < 0 || matched >= f.end[from] || (from == i && f.start[from] != matched)) {
            return;
        }
        if (Character.toLowerCase(f.text.charAt(f.start[from])) != Character.toLowerCase(firstLetter(acr))) {
            return;
        }
        String longForm = f.text.substring(f.start[from], f.end[j]);
        EntityType type = pairType(f, acr, longForm, from, j, after);
        if (type == null && headAfterAcr != null && headAfterAcr >= 0) {
            type = EntityType.values()[headAfterAcr];
        }
        if (type == null) {
            return;
        }
        p.learn(acr, type, DEFINED);
        p.learn(longForm, type, DEFINED);
    }

    /** "a light-weight tuning method (NMTune)": a name in parentheses typed by the noun before it. */
    private void nameInParentheses(Field f, Paper p, String name, int i, int after) {
        if (lex.isNotName(name) || !(isModelShape(name) || Lexicon.isAllCaps(name) || hasInnerCapital(name))) {
            return;
        }
        int before = i - 1;
        int mask = before >= 0 ? gaz.typesOf(f.tok[before]) : 0;
        if (mask != 0 && Gazetteer.primary(mask) != EntityType.TASK) {
            p.learn(name, Gazetteer.primary(mask), DEFINED - 1);
            return;
        }
        for (int k = before; k >= 0 && k > before - 7; k--) {
            Integer h = head(f, k);
            if (h != null && h >= 0 && h != EntityType.TASK.ordinal()) {
                p.learn(name, refine(EntityType.values()[h], name), DEFINED - 1);
                return;
            }
            if (k < before + 1 && f.gapHasAny(k, ".;:()") || f.sentenceStart[k]) {
                break;
            }
        }
    }

    /** "a technique called Selfie", "a framework named ERNIE 3.0", "dubbed Universal Parallel Tuning". */
    private void learnCalled(Field f, Paper p) {
        for (int i = 0; i + 1 < f.n; i++) {
            if ((f.kw[i] & KW_CALL) == 0) {
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
                    headBefore = head(f, j + 1);
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
                    Integer h = head(f, k);
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
            if (Chars.isUpper(first.charAt(0)) || isModelShape(first)) {
                int k = j;
                while (k + 1 < f.n && k - j < 5 && f.gapIsSpace(k + 1)
                        && (Chars.isUpper(f.tok[k + 1].charAt(0)) || isVersion(f.tok[k + 1]))) {
                    k++;
                }
                String name = f.text.substring(f.start[j], f.end[k]);
                if (lex.isNotName(name) || CAPITAL_FUNCTION_WORDS.contains(first) || allGeneric(name)) {
                    continue;
                }
                Integer headLast = k > j ? lex.head(lastPart(f.tok[k])) : null;
                if (headLast != null && headLast < 0) {
                    continue;
                }
                p.learn(name, typeFor(name, headBefore != null && headBefore >= 0 ? headBefore : headLast), DEFINED);
            } else if (Chars.isLower(first.charAt(0))) {
                int k = j;
                while (k + 1 < f.n && k - j < 3 && f.gapIsSpace(k + 1) && !PHRASE_STOPS.contains(f.tok[k + 1])
                        && Chars.isLower(f.tok[k + 1].charAt(0))) {
                    k++;
                }
                Integer last = lex.head(lastPart(f.tok[k]));
                boolean task = last != null && last == EntityType.TASK.ordinal()
                        && (headBefore == null || headBefore == EntityType.TASK.ordinal());
                if (task && !PHRASE_STOPS.contains(first)) {
                    p.learn(f.text.substring(f.start[j], f.end[k]), EntityType.TASK, DEFINED);
                }
            }
        }
    }

    /** "we propose ForwardGNN", "This paper introduces a generic framework W2PGNN", "We propose InstaTune, a method". */
    private void learnProposed(Field f, Paper p) {
        for (int i = 1; i + 1 < f.n; i++) {
            if ((f.kw[i] & KW_PROPOSE) == 0) {
                continue;
            }
            boolean subject = false;
            for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
                subject |= SUBJECTS.contains(f.tok[k]);
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
                if ((f.kw[j] & KW_CALL) != 0) {
                    break;
                }
                if (isNameToken(f, j, true)) {
                    int k = j;
                    while (k + 1 < f.n && k - j < 3 && f.gapIsSpace(k + 1)
                            && (isVersion(f.tok[k + 1]) || (Chars.isUpper(f.tok[k + 1].charAt(0))
                                    && !CAPITAL_FUNCTION_WORDS.contains(f.tok[k + 1])))) {
                        k++;
                    }
                    if (k + 1 < f.n && "(".equals(f.gap(k + 1))) {
                        break; // an acronym definition follows: learnAcronyms decides
                    }
                    String name = f.text.substring(f.start[j], f.end[k]);
                    Integer headLast = k > j ? lex.head(lastPart(f.tok[k])) : null;
                    if (headLast != null && headLast < 0 || allGeneric(name)) {
                        break;
                    }
                    Integer apposition = null;
                    for (int c = k + 1; c < f.n && c <= k + 5 && apposition == null; c++) {
                        if (f.gapHasAny(c, ".;:()")) {
                            break;
                        }
                        if (f.gapHas(c, ',')) {
                            apposition = appositionHead(f, c);
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
                    p.learn(name, typeFor(name, head), PROPOSED);
                    break;
                }
                Integer h = lex.head(w);
                if (h != null) {
                    headBefore = h;
                } else if (!Chars.isLower(w.charAt(0)) || PREPOSITIONS.contains(w)) {
                    break;
                }
            }
        }
    }

    /** "Neuroformer is a ... transformer model": the first head noun after "NAME is a/an" types a learned name. */
    private void learnCopulas(Field f, Paper p) {
        for (int i = 0; i + 2 < f.n; i++) {
            if ((f.kw[i + 1] & KW_OR) == 0 || !(f.is(i + 1, "is") && (f.is(i + 2, "a") || f.is(i + 2, "an")))) {
                continue;
            }
            String name = f.tok[i];
            Integer s = p.strength.get(name);
            if (s == null || s >= DEFINED || gaz.typesOf(name) != 0) {
                continue;
            }
            for (int k = i + 3; k < f.n && k <= i + 10; k++) {
                if (f.gapHasAny(k, ".;:")) {
                    break;
                }
                Integer h = head(f, k);
                if (h != null) {
                    if (h >= 0) {
                        p.type.put(name, refine(EntityType.values()[h], name));
                        p.strength.put(name, DEFINED);
                    }
                    break;
                }
            }
        }
    }

    /** "the IMDB dataset", "our BLURB benchmark", "BERTurk models", "datasets, including Cora, PubMed, ...". */
    private void learnContexts(Field f, Paper p) {
        for (int i = 1; i < f.n; i++) {
            Integer h = head(f, i);
            if (h == null || h < 0) {
                continue;
            }
            EntityType type = EntityType.values()[h];
            if (type != EntityType.DATASET && type != EntityType.MODEL && type != EntityType.FRAMEWORK
                    || type == EntityType.FRAMEWORK && !Chars.isLower(f.tok[i].charAt(0))) {
                continue;
            }
            boolean plural = f.tok[i].endsWith("s") || f.tok[i].equals("corpora");
            // NAME head / NAME and NAME heads / the NAME modifier... head
            int k = i - 1;
            if (!f.title && !f.sentenceStart[i] && Chars.isUpper(f.tok[i].charAt(0)) && !isAcronym(f.tok[i])
                    && type != EntityType.FRAMEWORK) {
                // "Neural Turing Machines", "Pointer Net": a capitalised run ending in a capitalised head noun
                if (i + 1 < f.n && f.gapIsSpace(i + 1) && Chars.isUpper(f.tok[i + 1].charAt(0))) {
                    continue;
                }
                int b = i;
                while (b > 0 && i - b < 8 && f.gapIsSpace(b) && !f.sentenceStart[b]) {
                    String prev = f.tok[b - 1];
                    if (Chars.isUpper(prev.charAt(0)) && !CAPITAL_FUNCTION_WORDS.contains(prev)) {
                        b--;
                    } else if (RUN_GLUE.contains(prev) && b >= 2 && b < i && (Chars.isUpper(f.tok[b - 2].charAt(0))
                            || RUN_GLUE.contains(f.tok[b - 2]) && b >= 3 && Chars.isUpper(f.tok[b - 3].charAt(0)))
                            && f.gapIsSpace(b - 1)) {
                        b--;
                    } else {
                        break;
                    }
                }
                while (b < i && RUN_GLUE.contains(f.tok[b])) {
                    b++;
                }
                String name = f.text.substring(f.start[b], f.end[i]);
                if (b < i && !allGeneric(name) && !f.sentenceStart[b]) {
                    p.learn(name, type, CONTEXT);
                }
                continue;
            }
            if (f.gapIsSpace(i) && !f.inUrl[k]) {
                int nameEnd = k;
                if (isVersion(f.tok[k]) && k > 0 && f.gapIsSpace(k)) {
                    k--;
                }
                if (isNameToken(f, k, false) && gaz.typesOf(f.tok[k]) == 0) {
                    // "Arena Hard leaderboard": the whole capitalised run
                    while (k > 0 && nameEnd - k < 3 && f.gapIsSpace(k) && !f.sentenceStart[k]
                            && Chars.isUpper(f.tok[k - 1].charAt(0)) && isNameToken(f, k - 1, false)
                            && !f.sentenceStart[k - 1] && !isAcronym(f.tok[k - 1])) {
                        k--;
                    }
                    String name = f.text.substring(f.start[k], f.end[nameEnd]);
                    if (!allGeneric(name)) {
                        p.learn(name, type, CONTEXT);
                    }
                    // "ADE20K, COCO-Stuff, and Pascal Context benchmarks"
                    int e = k - 1;
                    for (int guard = 0; plural && guard < 6 && e >= 1; guard++) {
                        if (f.is(e, "and") || f.is(e, "or")) {
                            e--;
                        } else if (!f.gapHas(e + 1, ',')) {
                            break;
                        }
                        if (e < 0 || !isNameToken(f, e, false)) {
                            break;
                        }
                        int b = e;
                        if (isVersion(f.tok[e]) && e > 0 && isNameToken(f, e - 1, false)) {
                            b = e - 1;
                        }
                        while (b > 0 && e - b < 2 && f.gapIsSpace(b) && Chars.isUpper(f.tok[b - 1].charAt(0))
                                && isNameToken(f, b - 1, false) && !isAcronym(f.tok[b - 1])) {
                            b--;
                        }
                        if (gaz.typesOf(f.tok[b]) == 0) {
                            p.learn(f.text.substring(f.start[b], f.end[e]), type, CONTEXT);
                        }
                        e = b - 1;
                    }
                } else if (type == EntityType.DATASET && !plural) {
                    // the GLUE natural language understanding benchmark
                    for (int b = i - 2; b >= 1 && b >= i - 4; b--) {
                        if (!f.gapIsSpace(b + 1) || !Chars.isLower(f.tok[b + 1].charAt(0))) {
                            break;
                        }
                        if ((f.is(b - 1, "the") || f.is(b - 1, "our")) && isNameToken(f, b, false)
                                && Lexicon.isAllCaps(f.tok[b]) && gaz.typesOf(f.tok[b]) == 0) {
                            p.learn(f.tok[b], type, CONTEXT);
                            break;
                        }
                    }
                }
            }
            // "dataset, tape-arxiv23" / "dataset CaseHOLD"
            if (!plural && type == EntityType.DATASET && i + 1 < f.n && (f.gapIsSpace(i + 1) || ",".equals(f.gap(i + 1)))
                    && (INTRODUCED.contains(f.tok[i - 1]) || i > 1 && INTRODUCED.contains(f.tok[i - 2]))
                    && isListItem(f, i + 1) && (hasDigitOrHyphen(f.tok[i + 1]) || isNameToken(f, i + 1, false))) {
                p.learn(itemText(f, i + 1), type, CONTEXT);
            }
            // datasets such as / including / like / (e.g., ...) X, Y and Z
            if (plural && i + 1 < f.n) {
                int j = listStart(f, i + 1);
                if (j > 0) {
                    learnList(f, p, j, type);
                }
            }
        }
    }

    /** Index of the first item of a list introduced after token {@code i-1}, or -1. */
    private int listStart(Field f, int i) {
        String gap = f.gap(i);
        if (f.is(i, "such") && f.is(i + 1, "as")) {
            return i + 2 < f.n ? i + 2 : -1;
        }
        if (LIST_INTROS.contains(f.tok[i]) && (gap.isEmpty() || gap.equals(",") || gap.equals("("))) {
            if (f.is(i, "e") || f.is(i, "i")) {
                return i + 2 < f.n && (f.is(i + 1, "g") || f.is(i + 1, "e")) ? i + 2 : -1;
            }
            return i + 1 < f.n ? i + 1 : -1;
        }
        if (gap.equals(":") || gap.equals("(") || gap.equals("-") || gap.equals("--") || gap.equals("—")
                || gap.equals(", including")) {
            return i;
        }
        return -1;
    }

    private void learnList(Field f, Paper p, int j, EntityType type) {
        int accepted = 0;
        for (int items = 0; j < f.n && items < 12; items++) {
            while (j < f.n && (f.is(j, "and") || f.is(j, "or") || (f.is(j, "as") && f.is(j + 1, "well")))) {
                j += f.is(j, "as") ? 3 : 1;
            }
            if (j >= f.n || f.gapHasAny(j, ".;)") && items > 0) {
                return;
            }
            if (!isListItem(f, j, accepted > 0)) {
                return;
            }
            accepted++;
            int e = j;
            if (e + 1 < f.n && isVersion(f.tok[e + 1]) && f.gapIsSpace(e + 1) && !followedByTimes(f, e + 1)) {
                e++;
            }
            String item = f.text.substring(f.start[j], f.end[e]);
            if (gaz.typesOf(f.tok[j]) == 0 && !lex.isNotName(item)) {
                p.learn(item, type, CONTEXT);
            }
            int next = e + 1;
            // skip the rest of a multi-word item ("ImageNet 32 x 32")
            while (next < f.n && !f.gapHasAny(next, ",;.)") && (Chars.isDigit(f.tok[next].charAt(0))
                    || f.is(next, "x")) && next - e < 4) {
                next++;
            }
            if (next >= f.n || f.gapHasAny(next, ".;)")) {
                return;
            }
            if (!f.gapHas(next, ',') && !f.is(next, "and") && !f.is(next, "or") && !f.is(next, "as")) {
                return;
            }
            j = next;
        }
    }

    private boolean isListItem(Field f, int j) {
        return isListItem(f, j, false);
    }

    /** A list item that may be a name; lower-case hyphenated items ("ogbn-arxiv") need a digit or named neighbours. */
    private boolean isListItem(Field f, int j, boolean namedNeighbours) {
        String w = f.tok[j];
        if (f.inUrl[j] || CAPITAL_FUNCTION_WORDS.contains(w) || lex.isNotName(w)
                || Chars.isUpper(w.charAt(0)) && !trimLowerParts(w).equals(w) && !hasDigit(w)) {
            return false;
        }
        if (isModelShape(w)) {
            return true;
        }
        if (Chars.isUpper(w.charAt(0))) {
            return !lex.isGeneric(w) && (!f.title || Lexicon.isAllCaps(w)) && !f.sentenceStart[j];
        }
        return Chars.isLower(w.charAt(0)) && (hasDigit(w) || namedNeighbours && w.indexOf('-') > 0)
                && !isCommonCompound(w);
    }

    private String itemText(Field f, int j) {
        int e = j;
        if (e + 1 < f.n && isVersion(f.tok[e + 1]) && f.gapIsSpace(e + 1) && !followedByTimes(f, e + 1)) {
            e++;
        }
        return f.text.substring(f.start[j], f.end[e]);
    }

    /** Lists of task names: "downstream tasks - a, b and c", "tasks such as ...", "x prediction (a new task ...)". */
    private void learnTaskLists(Field f, Paper p) {
        int task = EntityType.TASK.ordinal();
        for (int i = 0; i + 1 < f.n; i++) {
            if ((f.kw[i] & KW_TASKS) == 0) {
                continue;
            }
            // "obsoletion prediction (a new task we introduce)"
            if (f.tok[i].equals("task") && i >= 2 && (f.is(i - 1, "new") || f.is(i - 1, "novel"))) {
                int a = i - 1;
                while (a > 0 && !f.gapHas(a, '(') && a > i - 4) {
                    a--;
                }
                if (f.gapHas(a, '(') && a > 0) {
                    learnTaskPhraseEndingAt(f, p, a - 1);
                }
            }
            int j = listStart(f, i + 1);
            if (j < 0) {
                continue;
            }
            for (int items = 0; j < f.n && items < 12; items++) {
                while (j < f.n && (f.is(j, "and") || f.is(j, "or") || DETERMINERS.contains(f.tok[j]))) {
                    j++;
                }
                if (j >= f.n) {
                    break;
                }
                int e = j;
                while (e + 1 < f.n && e - j < 4 && f.gapIsSpace(e + 1) && !f.is(e + 1, "and") && !f.is(e + 1, "or")
                        && !f.is(e + 1, "in") && !f.is(e + 1, "on")) {
                    e++;
                }
                // the item ends at its last head noun
                int h = e;
                while (h > j && !isHead(lastPart(f.tok[h]), task)) {
                    h--;
                }
                boolean acronym = h == j && Lexicon.isAllCaps(f.tok[j]) && !lex.isNotName(f.tok[j]) && e == j;
                if (isHead(lastPart(f.tok[h]), task) && Chars.isLower(f.tok[j].charAt(0)) || acronym) {
                    p.learn(f.text.substring(f.start[j], f.end[h]), EntityType.TASK, CONTEXT);
                }
                int next = e + 1;
                while (next < f.n && !f.gapHasAny(next, ",;.)") && !f.is(next, "and") && !f.is(next, "or")
                        && next - e < 5) {
                    next++;
                }
                if (next >= f.n || f.gapHasAny(next, ".;)") || f.gap(next).equals("--")) {
                    break;
                }
                j = next;
            }
        }
    }

    private void learnTaskPhraseEndingAt(Field f, Paper p, int e) {
        if (e < 0 || !isHead(lastPart(f.tok[e]), EntityType.TASK.ordinal())) {
            return;
        }
        int b = e;
        while (b > 0 && e - b < 3 && f.gapIsSpace(b) && Chars.isLower(f.tok[b - 1].charAt(0))
                && !PHRASE_STOPS.contains(f.tok[b - 1]) && !DETERMINERS.contains(f.tok[b - 1])) {
            b--;
        }
        p.learn(f.text.substring(f.start[b], f.end[e]), EntityType.TASK, CONTEXT);
    }

    /** "SiT: Self-supervised vIsion Transformer": a one-word name before a title's colon. */
    private void learnTitlePrefix(Field t, Field a, Paper p) {
        int colon = t.text.indexOf(':');
        if (colon <= 0 || t.n == 0) {
            return;
        }
        int last = t.tokenEndingAt(colon);
        if (last < 0 || last > 1) {
            return;
        }
        if (last == 1 && !isVersion(t.tok[1])) {
            return;
        }
        String name = t.text.substring(t.start[0], t.end[last]);
        String word = t.tok[0];
        if (lex.isNotName(word) || CAPITAL_FUNCTION_WORDS.contains(word) || lex.isGeneric(word)) {
            return;
        }
        boolean shaped = isModelShape(word) || (Lexicon.isAllCaps(word) && word.length() >= 2) || hasInnerCapital(word);
        boolean apposition = last + 2 < t.n && (t.isIgnoreCase(last + 1, "a") || t.isIgnoreCase(last + 1, "an"))
                && lex.hasModelStem(word);
        if (!shaped && !usedAsName(a, word) && !apposition) {
            return;
        }
        if (apposition && Chars.isLower(word.charAt(0)) && last == 0) {
            String capital = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            if (usedAsName(a, capital) || a.text.startsWith(capital)) {
                p.learn(capital, EntityType.MODEL, TITLE_NAME);
            }
        }
        if (p.strength.containsKey(name)) {
            return;
        }
        int mask = gaz.typesOf(name) | gaz.typesOf(word);
        if (mask != 0) {
            p.learn(name, Gazetteer.primary(mask), GAZ);
            return;
        }
        if (p.strength.containsKey(word)) {
            p.learn(name, p.type.get(word), p.strength.get(word));
            return;
        }
        // the head noun of the title's tail: the last word before its first preposition, when the tail is a noun phrase
        Integer head = null;
        int tail = last + 1;
        if (tail < t.n && (t.is(tail, "A") || t.is(tail, "An"))) {
            tail++;
        } else if (tail < t.n && (t.tok[tail].endsWith("ing") && lex.head(lastPart(t.tok[tail])) == null
                || CAPITAL_FUNCTION_WORDS.contains(t.tok[tail]) || t.tok[tail].equals("Towards"))) {
            tail = t.n;
        }
        for (int k = tail; k < t.n; k++) {
            if (PHRASE_STOPS.contains(t.tok[k].toLowerCase(java.util.Locale.ROOT)) && k > tail) {
                head = lex.head(lastPart(t.tok[k - 1]));
                break;
            }
            if (k == t.n - 1) {
                head = lex.head(lastPart(t.tok[k]));
            }
        }
        EntityType type = head != null && head == EntityType.TASK.ordinal() ? EntityType.METHOD
                : head != null && head >= 0 ? EntityType.values()[head] : typeFor(name, null);
        p.learn(name, type, TITLE_NAME);
    }

    /** True when the abstract writes the word capitalised where a sentence does not start. */
    private static boolean usedAsName(Field a, String word) {
        for (int k = 0; k < a.n; k++) {
            if (!a.sentenceStart[k] && a.tok[k].equals(word)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reporting

    private record Cand(int start, int end, EntityType type, int strength) {
    }

    private void emit(Field f, Paper p, Map<String, EntityType> typeOfSurface, Set<String> seen, List<Entity> out) {
        if (f.n == 0) {
            return;
        }
        List<Cand> cands = new ArrayList<>();
        String text = f.text;
        gaz.scan(text, (s, e, mask) -> {
            if (inUrl(f, s)) {
                return;
            }
            EntityType type = contextType(f, s, e, mask, p);
            if (type == EntityType.TASK) {
                Integer h = lex.head(lastWord(text, s, e));
                if (h != null && h == Lexicon.IGNORE) {
                    return; // "continual learning": a paradigm, not a task
                }
                int left = taskModifierStart(f, s);
                if (left < s) {
                    cands.add(new Cand(left, e, type, GAZ));
                }
            }
            int end = extend(f, s, e, type);
            if (s > 0 && text.charAt(s - 1) == '-' && type != EntityType.TASK && type != EntityType.ORG) {
                int from = compoundStart(f, s);
                if (from < s) {
                    cands.add(new Cand(from, end, type, GAZ));
                }
            }
            boolean open = e < text.length() && text.charAt(e) == '_';
            if (open && (end == e || Chars.isWordCharAt(text, end))) {
                return; // "BERT_xyz" with no known variant suffix
            }
            if (!open) {
                cands.add(new Cand(s, e, type, GAZ));
            }
            if (end > e) {
                cands.add(new Cand(s, end, type, GAZ));
            }
        });
        learnedOccurrences(f, p, cands);
        for (int i = 0; i < f.n; i++) {
            if (f.inUrl[i]) {
                continue;
            }
            String w = trimLowerParts(f.tok[i]);
            if (isModelShape(w) && !lex.isNotName(w) && !p.blocked.contains(w) && !p.strength.containsKey(w)) {
                int end = f.start[i] + w.length();
                EntityType type = shapeType(f, i, w, end);
                int ext = extend(f, f.start[i], end, type);
                cands.add(new Cand(f.start[i], ext, type, SHAPE));
            }
            // "OpenAI's GPT": a possessor of a model is an organisation
            if (i + 2 < f.n && f.tok[i + 1].equals("s") && isApostrophe(f, i + 1) && Chars.isUpper(f.tok[i].charAt(0))
                    && !lex.isNotName(f.tok[i]) && gaz.typesOf(f.tok[i]) == 0 && !p.strength.containsKey(f.tok[i])
                    && isModelAt(f, i + 2, p)) {
                cands.add(new Cand(f.start[i], f.end[i], EntityType.ORG, CONTEXT));
            }
        }
        cands.sort(Comparator.comparingInt((Cand c) -> c.start - c.end).thenComparingInt(c -> -c.strength)
                .thenComparingInt(c -> c.start));
        BitSet taken = new BitSet(text.length());
        List<Cand> kept = new ArrayList<>();
        for (Cand c : cands) {
            int next = taken.nextSetBit(c.start);
            if (next >= 0 && next < c.end) {
                continue;
            }
            taken.set(c.start, c.end);
            kept.add(c);
        }
        kept.sort(Comparator.comparingInt(Cand::start));
        for (Cand c : kept) {
            String surface = text.substring(c.start, c.end);
            EntityType type = typeOfSurface.computeIfAbsent(surface, k -> c.type);
            if (seen.add(type.ordinal() + "\u0000" + surface)) {
                out.add(new Entity(type, surface, f.name, c.start, c.end));
            }
        }
    }

    private void learnedOccurrences(Field f, Paper p, List<Cand> cands) {
        if (p.type.isEmpty()) {
            return;
        }
        Map<String, List<String>> byFirst = new HashMap<>();
        for (String name : p.type.keySet()) {
            int cut = 0;
            while (cut < name.length() && (Chars.isWordChar(name.charAt(cut)) || name.charAt(cut) == '-'
                    || (name.charAt(cut) == '.' && cut + 1 < name.length() && Chars.isDigit(name.charAt(cut + 1))))) {
                cut++;
            }
            byFirst.computeIfAbsent(name.substring(0, cut), k -> new ArrayList<>(2)).add(name);
        }
        for (int i = 0; i < f.n; i++) {
            if (f.inUrl[i]) {
                continue;
            }
            String w = f.tok[i];
            matchLearned(f, p, cands, byFirst.get(w), f.start[i]);
            for (int h = w.indexOf('-'), k = 0; h > 0 && k < 3; h = w.indexOf('-', h + 1), k++) {
                matchLearned(f, p, cands, byFirst.get(w.substring(0, h)), f.start[i]);
            }
        }
    }

    private void matchLearned(Field f, Paper p, List<Cand> cands, List<String> names, int at) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            int end = at + name.length();
            if (f.text.startsWith(name, at) && Chars.isBounded(f.text, at, end)) {
                EntityType type = p.type.get(name);
                cands.add(new Cand(at, extend(f, at, end, type), type, p.strength.get(name)));
            }
        }
    }

    private static final Set<String> NOT_MODIFIERS = Set.of("the", "a", "an", "of", "for", "and", "or", "in", "on",
            "to", "with", "by", "as", "at", "from", "into", "via", "our", "their", "its", "this", "these", "that", "such",
            "best", "new", "novel", "standard", "various", "different", "downstream", "challenging", "traditional",
            "several", "many", "other", "popular", "existing", "multiple", "general", "specific", "typical", "complex",
            "simple", "same", "main", "important", "common", "key", "classical", "conventional", "difficult", "related",
            "both", "all", "each", "any", "two", "three", "four", "five", "six", "first", "second", "third", "more",
            "most", "less", "improved", "improves", "improve", "including", "like", "e", "g", "i", "is", "are", "was",
            "were", "be", "than", "not", "no", "which", "while", "where", "when", "also", "further",
            "advanced", "recent", "modern", "prior", "previous", "current", "real", "accurate", "efficient", "robust",
            "strong", "better", "large", "small", "low", "high", "fine-grained", "state-of-the-art", "end-to-end",
            "we", "it", "they", "can", "may", "well", "only", "whole", "entire", "overall", "basic", "core");

    /**
     * Start of a task name widened by the one modifier before it: a two-part hyphenated word ("Zero-Shot Voice
     * Conversion", "multi-label text classification"), a coined name ("Doc2Doc Information Retrieval") or, before a
     * lower-case task, a lower-case domain word ("legal summarization"); else {@code s}.
     */
    private int taskModifierStart(Field f, int s) {
        int k = f.tokenAt(s);
        if (k <= 0 || !f.gapIsSpace(k) || f.sentenceStart[k] || f.inUrl[k - 1]) {
            return s;
        }
        String w = f.tok[k - 1];
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        if (NOT_MODIFIERS.contains(lower) || lex.isNotName(w) || hasDigit(w) && !Chars.isLetter(w.charAt(0))) {
            return s;
        }
        int hyphens = 0;
        for (int i = 0; i < w.length(); i++) {
            hyphens += w.charAt(i) == '-' ? 1 : 0;
        }
        if (hyphens == 1 && !lower.endsWith("-based") && !lower.endsWith("-like") && Chars.isLetter(w.charAt(0))) {
            return f.start[k - 1];
        }
        if (isModelShape(w)) {
            return f.start[k - 1];
        }
        boolean lowerTask = Chars.isLower(f.text.charAt(s));
        if (lowerTask && hyphens == 0 && isLowerWord(w) && w.length() > 3 && !w.endsWith("ing") && !w.endsWith("ed")
                && !w.endsWith("ly") && lex.head(w) == null && !lex.isGeneric(w) && !f.sentenceStart[k - 1]) {
            return f.start[k - 1];
        }
        return s;
    }

    /** Start of the hyphen compound holding offset s when its earlier parts read as name parts, else s. */
    private int compoundStart(Field f, int s) {
        int b = s - 1;
        while (b > 0 && (Chars.isWordChar(f.text.charAt(b - 1)) || f.text.charAt(b - 1) == '-')) {
            b--;
        }
        if (b > 0 && f.text.charAt(b - 1) == '.' || b >= s - 1) {
            return s;
        }
        for (String part : f.text.substring(b, s - 1).split("-")) {
            if (part.isEmpty() || isLowerWord(part) || lex.isGeneric(part)
                    || NOT_MODIFIERS.contains(part.toLowerCase(java.util.Locale.ROOT))) {
                return s;
            }
        }
        return b;
    }

    private static String lastWord(String text, int s, int e) {
        int b = e;
        while (b > s && Chars.isWordChar(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(b, e);
    }

    /** The type of a gazetteer match listed under several types, chosen by the noun after it. */
    private EntityType contextType(Field f, int s, int e, int mask, Paper p) {
        if (Integer.bitCount(mask) > 1) {
            int k = f.tokenAt(s);
            int last = f.tokenEndingAt(e);
            int after = last >= 0 ? last + 1 : -1;
            if (after > 0 && after < f.n) {
                Integer h = head(f, after);
                if (h != null && h >= 0 && (mask & (1 << h)) != 0) {
                    return EntityType.values()[h];
                }
            }
            if (k > 0) {
                Integer h = head(f, k - 1);
                if (h != null && h >= 0 && (mask & (1 << h)) != 0) {
                    return EntityType.values()[h];
                }
                if ((f.is(k - 1, "on") || f.is(k - 1, "from")) && Gazetteer.has(mask, EntityType.DATASET)) {
                    return EntityType.DATASET;
                }
            }
        }
        return Gazetteer.primary(mask);
    }

    /** Extends a known name by variant suffixes: "-50", "-Large", "-1k", " 3.0", "V3". */
    private int extend(Field f, int s, int e, EntityType type) {
        if (type == EntityType.TASK || type == EntityType.ORG) {
            return e;
        }
        String text = f.text;
        int len = text.length();
        int end = e;
        for (int guard = 0; guard < 4; guard++) {
            if (end + 1 < len && (text.charAt(end) == '-' || text.charAt(end) == '_') && Chars.isWordChar(text.charAt(end + 1))) {
                int q = end + 1;
                while (q < len && Chars.isWordChar(text.charAt(q))) {
                    q++;
                }
                String part = text.substring(end + 1, q);
                if (hasDigit(part) || lex.isNameSuffix(part) || (Chars.isUpper(part.charAt(0)) && !lex.isGeneric(part))) {
                    end = q;
                    continue;
                }
            }
            break;
        }
        // version after a space: "ERNIE 3.0", "Llama 2", "CoRe 50", "Dreamer V2", "SD v1.5"
        boolean v = end + 2 < len && text.charAt(end) == ' ' && (text.charAt(end + 1) == 'v' || text.charAt(end + 1) == 'V')
                && Chars.isDigit(text.charAt(end + 2));
        if (end == e && end + 1 < len && text.charAt(end) == ' ' && (v || Chars.isDigit(text.charAt(end + 1)))
                && (type == EntityType.MODEL || type == EntityType.DATASET)) {
            int q = end + (v ? 2 : 1);
            int digits = 0;
            while (q < len && Chars.isDigit(text.charAt(q))) {
                q++;
                digits++;
            }
            if (q + 1 < len && text.charAt(q) == '.' && Chars.isDigit(text.charAt(q + 1))) {
                q++;
                while (q < len && Chars.isDigit(text.charAt(q))) {
                    q++;
                }
            }
            if (digits <= 2 && !Chars.isWordCharAt(text, q) && !followsUnit(text, q)) {
                end = q;
            }
        }
        return end;
    }

    /** True when a number ending at q is followed by %, x, × or "times": a quantity, not a version. */
    private static boolean followsUnit(String text, int q) {
        int len = text.length();
        int r = q;
        while (r < len && text.charAt(r) == ' ') {
            r++;
        }
        if (r >= len) {
            return false;
        }
        char c = text.charAt(r);
        if (c == '%' || c == '×' || c == '\\' || c == '-' || c == '/') {
            return true;
        }
        if ((c == 'x' || c == 'X') && (r + 1 >= len || !Chars.isLetter(text.charAt(r + 1)))) {
            return true;
        }
        return text.startsWith("times", r) || text.startsWith("percent", r);
    }

    private static boolean followedByTimes(Field f, int k) {
        return followsUnit(f.text, f.end[k]);
    }

    private EntityType shapeType(Field f, int i, String w, int end) {
        int after = i + 1;
        if (end == f.end[i] && after < f.n && f.gapIsSpace(after)) {
            Integer h = head(f, after);
            if (h != null && h >= 0 && h != EntityType.TASK.ordinal()) {
                return EntityType.values()[h];
            }
        }
        int parts = partsType(w);
        if (parts != 0) {
            return Gazetteer.primary(parts);
        }
        return typeFor(w, null);
    }

    /** Gazetteer types of the hyphen parts of a name ("Split-CIFAR100" -> the type of CIFAR100). */
    private int partsType(String w) {
        int mask = 0;
        int from = 0;
        for (int h = 0; h <= w.length(); h++) {
            if (h == w.length() || w.charAt(h) == '-') {
                if (h > from) {
                    mask |= gaz.typesOf(w.substring(from, h));
                }
                from = h + 1;
            }
        }
        return mask & ~(1 << EntityType.TASK.ordinal()) & ~(1 << EntityType.ORG.ordinal());
    }

    /** Type of a new name given the head noun that introduces it (an ordinal, or null). */
    private EntityType typeFor(String name, Integer head) {
        int mask = gaz.typesOf(name);
        if (mask == 0) {
            int space = name.indexOf(' ');
            if (space > 0) {
                mask = gaz.typesOf(name.substring(0, space));
            }
        }
        if (mask != 0) {
            return Gazetteer.primary(mask);
        }
        if (head != null && head >= 0) {
            return refine(EntityType.values()[head], name);
        }
        int parts = partsType(name);
        if (parts != 0) {
            return Gazetteer.primary(parts);
        }
        Integer segment = lex.head(lastSegment(name));
        if (segment != null && segment >= 0 && segment != EntityType.TASK.ordinal()) {
            return EntityType.values()[segment];
        }
        return lex.hasModelStem(name) ? EntityType.MODEL : EntityType.METHOD;
    }

    /** The last CamelCase or hyphen segment of a name: "ExecRepoBench" -> "Bench", "R2C2-Bench" -> "Bench". */
    private static String lastSegment(String name) {
        int b = name.length();
        while (b > 0 && Chars.isLower(name.charAt(b - 1))) {
            b--;
        }
        if (b > 0 && b < name.length() && Chars.isUpper(name.charAt(b - 1))) {
            return name.substring(b - 1);
        }
        return lastPart(name);
    }

    /** The type an introducing noun gives a name (kept as a hook for finer rules). */
    private static EntityType refine(EntityType type, String name) {
        return type;
    }

    private boolean isModelAt(Field f, int k, Paper p) {
        String w = f.tok[k];
        EntityType learned = p.type.get(w);
        if (learned == EntityType.MODEL) {
            return true;
        }
        int mask = gaz.typesOf(w) | partsType(w);
        return Gazetteer.has(mask, EntityType.MODEL) || isModelShape(trimLowerParts(w)) && !lex.isNotName(w);
    }

    private static boolean isApostrophe(Field f, int k) {
        int from = f.end[k - 1];
        return f.start[k] - from == 1 && (f.text.charAt(from) == '\'' || f.text.charAt(from) == '’');
    }

    private static boolean inUrl(Field f, int offset) {
        int lo = 0;
        int hi = f.n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (f.end[mid] <= offset) {
                lo = mid + 1;
            } else if (f.start[mid] > offset) {
                hi = mid - 1;
            } else {
                return f.inUrl[mid];
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ token shapes

    /**
     * A token that names something by its shape alone: mixed case with an inner capital (RoBERTa, SOBertBase) or
     * capitals with digits (GPT-4, W2PGNN), at least two letters, not starting with a digit.
     */
    boolean isModelShape(String w) {
        int len = w.length();
        if (len < 2 || !Chars.isLetter(w.charAt(0))) {
            return false;
        }
        int letters = 0;
        int upper = 0;
        boolean digit = false;
        boolean camel = false;
        int upperRun = 0;
        for (int i = 0; i < len; i++) {
            char c = w.charAt(i);
            if (Chars.isDigit(c)) {
                digit = true;
                upperRun = 0;
            } else if (Chars.isUpper(c)) {
                letters++;
                upper++;
                if (i > 0 && Chars.isLower(w.charAt(i - 1))) {
                    camel = true;
                }
                upperRun++;
            } else if (Chars.isLower(c)) {
                letters++;
                if (upperRun >= 2 && i + 1 < len && Chars.isLower(w.charAt(i + 1))) {
                    camel = true;
                }
                upperRun = 0;
            } else {
                upperRun = 0;
            }
        }
        if (letters < 2) {
            return false;
        }
        if (camel) {
            // "GPUs"-like plural acronyms and "vIsion"/"iPhone"-like words are not names
            if (w.endsWith("s") && Lexicon.isAllCaps(w.substring(0, len - 1))) {
                return false;
            }
            return digit || upper > 1 || !(Chars.isLower(w.charAt(0)) && Chars.isUpper(w.charAt(1)));
        }
        return digit && upper > 0;
    }

    private static boolean hasInnerCapital(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (Chars.isUpper(w.charAt(i)) && w.charAt(i - 1) != '-') {
                return true;
            }
        }
        return false;
    }

    /** A capitalised or shaped token that may be a name here (not a sentence's first word, not a function word). */
    private boolean isNameToken(Field f, int k, boolean afterVerb) {
        if (k < 0 || k >= f.n || f.inUrl[k]) {
            return false;
        }
        String w = f.tok[k];
        if (lex.isNotName(w) || CAPITAL_FUNCTION_WORDS.contains(w) || !trimLowerParts(w).equals(w)) {
            return false;
        }
        if (isModelShape(w) || hasInnerCapital(w) && Chars.isLetter(w.charAt(0))) {
            return true;
        }
        if (!Chars.isUpper(w.charAt(0)) || lex.isGeneric(w) || w.indexOf('-') > 0) {
            return false;
        }
        if (f.title) {
            return Lexicon.isAllCaps(w) && w.length() > 1;
        }
        return afterVerb || !f.sentenceStart[k];
    }

    /** All capitals, or all capitals and a plural s: "LLM", "PLMs". */
    private static boolean isAcronym(String w) {
        return Lexicon.isAllCaps(w) || w.length() > 2 && w.endsWith("s") && Lexicon.isAllCaps(w.substring(0, w.length() - 1));
    }

    private static boolean acronymLike(String s) {
        int len = s.length();
        if (len < 2 || len > 15 || !Chars.isLetter(s.charAt(0))) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (Chars.isUpper(c)) {
                upper++;
            } else if (!Chars.isLetter(c) && !Chars.isDigit(c) && c != '-' && c != ' ') {
                return false;
            }
        }
        return upper >= 2;
    }

    private static boolean isVersion(String w) {
        int len = w.length();
        if (len == 0 || len > 5 || !Chars.isDigit(w.charAt(0))) {
            return false;
        }
        int digitsBeforeDot = 0;
        boolean dot = false;
        for (int i = 0; i < len; i++) {
            char c = w.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (!Chars.isDigit(c)) {
                return false;
            } else if (!dot) {
                digitsBeforeDot++;
            }
        }
        return digitsBeforeDot <= 2;
    }

    private boolean isHead(String word, int type) {
        Integer h = lex.head(word);
        return h != null && h == type;
    }

    private Integer appositionHead(Field f, int k) {
        if (!f.gapHas(k, ',')) {
            return null;
        }
        int j = k;
        if (f.is(j, "which") && f.is(j + 1, "is")) {
            j += 2;
        }
        if (!(f.is(j, "a") || f.is(j, "an"))) {
            return null;
        }
        Integer last = null;
        for (int q = j + 1; q < f.n && q <= j + 6; q++) {
            if (f.gapHasAny(q, ".;:,()") || PHRASE_STOPS.contains(f.tok[q])) {
                break;
            }
            Integer h = head(f, q);
            if (h != null) {
                last = h;
            }
        }
        return last;
    }

    /** The head-noun code of token k (cached per field): see {@link Lexicon#head}. */
    private Integer head(Field f, int k) {
        if (f.headDone == null) {
            f.headDone = new boolean[f.n];
            f.headCache = new Integer[f.n];
        }
        if (!f.headDone[k]) {
            f.headCache[k] = lex.head(f.tok[k]);
            f.headDone[k] = true;
        }
        return f.headCache[k];
    }

    private static final int KW_CALL = 1;
    private static final int KW_PROPOSE = 2;
    private static final int KW_TASKS = 4;
    private static final int KW_STANDS = 8;
    private static final int KW_OR = 16;
    private static final java.util.Map<String, Integer> KEYWORDS = keywords();

    private static java.util.Map<String, Integer> keywords() {
        java.util.Map<String, Integer> m = new HashMap<>();
        CALL_VERBS.forEach(w -> m.merge(w, KW_CALL, (a, b) -> a | b));
        PROPOSE_VERBS.forEach(w -> m.merge(w, KW_PROPOSE, (a, b) -> a | b));
        m.merge("tasks", KW_TASKS, (a, b) -> a | b);
        m.merge("task", KW_TASKS, (a, b) -> a | b);
        m.merge("stands", KW_STANDS, (a, b) -> a | b);
        m.merge("stand", KW_STANDS, (a, b) -> a | b);
        m.merge("or", KW_OR, (a, b) -> a | b);
        m.merge("is", KW_OR, (a, b) -> a | b);
        return m;
    }

    /** One keyword lookup per token for all the rules. */
    private static void prepare(Field f) {
        f.kw = new int[f.n];
        for (int k = 0; k < f.n; k++) {
            Integer flags = KEYWORDS.get(f.tok[k]);
            f.kw[k] = flags == null ? 0 : flags;
        }
    }

    /** True when every word and hyphen part of the phrase is a generic word ("Foundation Models"). */
    private boolean allGeneric(String phrase) {
        int from = 0;
        for (int i = 0; i <= phrase.length(); i++) {
            if (i == phrase.length() || phrase.charAt(i) == ' ' || phrase.charAt(i) == '-') {
                if (i > from && !lex.isGeneric(phrase.substring(from, i))) {
                    return false;
                }
                from = i + 1;
            }
        }
        return true;
    }

    /** Drops trailing hyphen parts that are ordinary lower-case words: "GNN-based" -> "GNN", keeps "-large". */
    private String trimLowerParts(String w) {
        int end = w.length();
        for (int h = w.lastIndexOf('-'); h > 0; h = w.lastIndexOf('-', h - 1)) {
            String part = w.substring(h + 1, end);
            if (isLowerWord(part) && !lex.isNameSuffix(part)) {
                end = h;
            } else {
                break;
            }
        }
        return end == w.length() ? w : w.substring(0, end);
    }

    private static boolean isLowerWord(String part) {
        if (part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Chars.isLower(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCommonCompound(String w) {
        // "state-of-the-art", "pre-training": all parts lower-case words without digits
        for (int i = 0; i < w.length(); i++) {
            if (Chars.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return w.split("-").length > 2 || w.length() < 4;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Chars.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitOrHyphen(String s) {
        return hasDigit(s) || s.indexOf('-') > 0;
    }

    private static String lastPart(String w) {
        int h = w.lastIndexOf('-');
        return h >= 0 && h + 1 < w.length() ? w.substring(h + 1) : w;
    }

    private static char firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return s.charAt(0);
    }

    /** True when the long form starts with the short form's first letter and holds all its letters in order. */
    static boolean inOrder(String text, int lo, int hi, String shortForm) {
        if (lo >= hi || Character.toLowerCase(text.charAt(lo)) != Character.toLowerCase(firstLetter(shortForm))) {
            return false;
        }
        int l = lo;
        for (int s = 0; s < shortForm.length(); s++) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (l < hi && Character.toLowerCase(text.charAt(l)) != c) {
                l++;
            }
            if (l >= hi) {
                return false;
            }
            l++;
        }
        return true;
    }

    /**
     * Schwartz and Hearst's long-form match: walks the short form backwards, matching each character in the long
     * text, the first one at a word start. Returns the offset where the long form starts, or -1.
     */
    static int schwartzHearst(String text, int lo, int hi, String shortForm) {
        int s = shortForm.length() - 1;
        int l = hi - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= lo && (Character.toLowerCase(text.charAt(l)) != c
                    || (s == 0 && l > lo && Character.isLetterOrDigit(text.charAt(l - 1))))) {
                l--;
            }
            if (l < lo) {
                return -1;
            }
            l--;
            s--;
        }
        return l + 1;
    }
}
