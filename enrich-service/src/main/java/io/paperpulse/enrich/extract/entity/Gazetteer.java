package io.paperpulse.enrich.extract.entity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.TokenPool;
import io.paperpulse.enrich.extract.text.WordList;

/**
 * The curated name lists ({@code gazetteer/<type>.txt} on the class path), compiled once into two {@link NameMatcher}
 * matchers: one case-sensitive (models, datasets, organisations, frameworks, methods and the {@code =ACRONYM} task
 * lines), one case-insensitive for task phrases, where a hyphen and a space are one ("question-answering"), each also
 * registered with a simple plural of its last word.
 * Immutable and thread-safe after construction.
 *
 * <p>File format: one surface form per line; blank lines and lines starting with {@code #} are ignored, as is a
 * trailing {@code " # comment"}. A missing file counts as empty.
 */
public final class Gazetteer {
    /** When one surface form is in several lists, the first type of this order is its default. */
    static final EntityType[] PRIORITY = {
        EntityType.DATASET, EntityType.MODEL, EntityType.FRAMEWORK, EntityType.ORG, EntityType.TASK, EntityType.METHOD
    };

    /** Receives each whole-word match: offsets {@code [start, end)} and the bit set of types (1 << ordinal). */
    @FunctionalInterface
    interface HitSink {
        void hit(int start, int end, int typeMask);
    }

    private final NameMatcher exact;
    private final NameMatcher folded;
    private final Map<String, Integer> exactTypes;
    private final Map<String, Integer> foldedTypes;
    private final TokenPool foldedKeys;
    /** The case-sensitive surface forms lower-cased, with their types: "O1-Preview" is a form of "o1-preview". */
    private final Map<String, Integer> lowerCaseTypes;
    private final int size;

    private Gazetteer(Map<String, Integer> exactTypes, Map<String, Integer> foldedTypes) {
        this.exactTypes = Map.copyOf(exactTypes);
        this.foldedTypes = Map.copyOf(foldedTypes);
        this.foldedKeys = new TokenPool(foldedTypes.keySet());
        Map<String, Integer> lower = new HashMap<>();
        exactTypes.forEach((name, types) -> lower.merge(name.toLowerCase(Locale.ROOT), types, (a, b) -> a | b));
        this.lowerCaseTypes = Map.copyOf(lower);
        this.size = exactTypes.size() + foldedTypes.size();
        this.exact = new NameMatcher(exactTypes, false);
        this.folded = new NameMatcher(foldedTypes, true);
    }

    /** The lists shipped on the class path under {@code gazetteer/}. */
    public static Gazetteer defaults() {
        Map<EntityType, List<String>> lists = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            lists.put(type, readResource("gazetteer/" + type.name().toLowerCase(Locale.ROOT) + ".txt"));
        }
        return of(lists);
    }

    public static Gazetteer empty() {
        return new Gazetteer(Map.of(), Map.of());
    }

    /** Builds a gazetteer from lines in the file format, by type. */
    public static Gazetteer of(Map<EntityType, ? extends Collection<String>> lists) {
        Map<String, Integer> exactTypes = new HashMap<>();
        Map<String, Integer> foldedTypes = new HashMap<>();
        for (Map.Entry<EntityType, ? extends Collection<String>> list : lists.entrySet()) {
            int bit = 1 << list.getKey().ordinal();
            for (String raw : list.getValue()) {
                String line = clean(raw);
                if (line == null) {
                    continue;
                }
                if (list.getKey() != EntityType.TASK) {
                    exactTypes.merge(line, bit, (a, b) -> a | b);
                } else if (line.startsWith("=")) {
                    String acronym = line.substring(1).strip();
                    if (!acronym.isEmpty()) {
                        exactTypes.merge(acronym, bit, (a, b) -> a | b);
                    }
                } else {
                    String lower = line.toLowerCase(Locale.ROOT).replace('-', ' ');
                    if (lower.length() != line.length()) {
                        continue; // a case mapping that changes length would shift offsets
                    }
                    foldedTypes.merge(lower, bit, (a, b) -> a | b);
                    foldedTypes.merge(plural(lower), bit, (a, b) -> a | b);
                }
            }
        }
        return new Gazetteer(exactTypes, foldedTypes);
    }

    /** Every surface form, case-sensitive ones as listed, task phrases lower-cased with spaces for hyphens (plurals included). */
    Stream<String> surfaces() {
        return Stream.concat(exactTypes.keySet().stream(), foldedTypes.keySet().stream());
    }

    /** The case-sensitive surface forms listed under {@code type}. */
    Stream<String> surfacesOf(EntityType type) {
        int bit = 1 << type.ordinal();
        return exactTypes.entrySet().stream().filter(e -> (e.getValue() & bit) != 0).map(Map.Entry::getKey);
    }

    /** Number of distinct surface forms (plurals included). */
    public int size() {
        return size;
    }

    /** {@link #leadingRunFlags}: a case-sensitive name may begin at the run. */
    static final int EXACT_RUN = 1;
    /** {@link #leadingRunFlags}: a task phrase may begin at the run. */
    static final int FOLDED_RUN = 2;

    /**
     * Reports every match in a field bounded by non-word characters on both sides (or followed by an "_x" variant
     * suffix): the case-sensitive ones by start, then end, then the task phrases in the same order. A trie is walked
     * only from a run of word characters that begins one of its names: for a token that is one run and a pooled word,
     * the field knows that already ({@link Field#leadingRunFlags}); other tokens are read run by run.
     */
    void scan(Field f, HitSink sink) {
        String text = f.text;
        NameMatcher.Sink exactHits = sink::hit;
        FoldedHits foldedHits = new FoldedHits();
        int p = 0;
        for (int k = 0; k <= f.n; k++) {
            int tokenStart = k < f.n ? f.start[k] : text.length();
            for (; p < tokenStart; p++) {
                walkUnpreceded(text, p, exactHits, foldedHits);
            }
            if (k == f.n) {
                break;
            }
            int known = f.leadingRunFlags(k);
            if (known != 0) {
                walk(text, tokenStart, known, exactHits, foldedHits);
                p = f.end[k];
            } else {
                p = scanRuns(text, tokenStart, f.end[k], exactHits, foldedHits);
            }
        }
        foldedHits.replayTo(sink);
    }

    /** The runs of word characters of {@code [from, to)}, a compound token ("ResNet-50"): the position reached. */
    private int scanRuns(String text, int from, int to, NameMatcher.Sink exactHits, FoldedHits foldedHits) {
        int p = from;
        while (p < to) {
            if (!Chars.isWordChar(text.charAt(p))) {
                walkUnpreceded(text, p, exactHits, foldedHits);
                p++;
                continue;
            }
            int i = Chars.wordRunEnd(text, p); // within the token: a token ends where its last run does
            walk(text, p, leadingRunFlags(text, p, i), exactHits, foldedHits);
            p = i + 1; // the character after a run has a word character before it: no name begins there
        }
        return p;
    }

    /**
     * Walks both tries from p, a character of no run, when no word character precedes it: the few names that begin
     * with another character ("(IA)3") begin there.
     */
    private void walkUnpreceded(String text, int p, NameMatcher.Sink exactHits, FoldedHits foldedHits) {
        if (p == 0 || !Chars.isWordChar(text.charAt(p - 1))) {
            exact.walk(text, p, exactHits);
            folded.walk(text, p, foldedHits);
        }
    }

    private void walk(String text, int p, int flags, NameMatcher.Sink exactHits, FoldedHits foldedHits) {
        if ((flags & EXACT_RUN) != 0) {
            exact.walk(text, p, exactHits);
        }
        if ((flags & FOLDED_RUN) != 0) {
            folded.walk(text, p, foldedHits);
        }
    }

    /**
     * Which tries may hold a name that begins at {@code [from, to)}, a run of word characters: {@link #EXACT_RUN} and
     * {@link #FOLDED_RUN} bits. The run is hashed once both ways; the run before an "_x" variant suffix counts too.
     */
    int leadingRunFlags(String text, int from, int to) {
        int hash = 0;
        int lowerHash = 0;
        boolean exactRun = false;
        boolean foldedRun = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_' && i > from) { // "BERT_BASE": the run before a variant suffix may begin a name too
                exactRun |= exact.isLeadingRun(text, from, i, hash);
                foldedRun |= folded.isLeadingRun(text, from, i, lowerHash);
            }
            hash = 31 * hash + c;
            lowerHash = 31 * lowerHash + Chars.lower(c);
        }
        exactRun |= exact.isLeadingRun(text, from, to, hash);
        foldedRun |= folded.isLeadingRun(text, from, to, lowerHash);
        return (exactRun ? EXACT_RUN : 0) | (foldedRun ? FOLDED_RUN : 0);
    }

    /** The task-phrase matches of one scan, kept to be reported after the case-sensitive ones. */
    private static final class FoldedHits implements NameMatcher.Sink {
        private int[] hits = new int[24];
        private int size;

        @Override
        public void match(int start, int end, int payload) {
            if (size + 3 > hits.length) {
                hits = Arrays.copyOf(hits, hits.length * 2);
            }
            hits[size++] = start;
            hits[size++] = end;
            hits[size++] = payload;
        }

        void replayTo(HitSink sink) {
            for (int i = 0; i < size; i += 3) {
                sink.hit(hits[i], hits[i + 1], hits[i + 2]);
            }
        }
    }

    /** Type bit set of an exact surface form (tasks also case-insensitively); 0 when unknown. */
    int typesOf(String surface) {
        Integer mask = exactTypes.get(surface);
        int m = mask == null ? 0 : mask;
        // task phrases are stored with spaces for hyphens, as the folding matcher reads them
        String lower = foldedKeys.lowerCaseOf(surface.replace('-', ' '));
        Integer task = lower == null ? null : foldedTypes.get(lower);
        return task == null ? m : m | task;
    }

    /** Type bit set of the case-sensitive surface forms that equal {@code surface} but for case; 0 when none. */
    int typesIgnoringCase(String surface) {
        Integer mask = lowerCaseTypes.get(surface.toLowerCase(Locale.ROOT));
        return mask == null ? 0 : mask;
    }

    /** The default type of a type bit set, by {@link #PRIORITY}; null for 0. */
    static EntityType primary(int mask) {
        for (EntityType type : PRIORITY) {
            if ((mask & (1 << type.ordinal())) != 0) {
                return type;
            }
        }
        return null;
    }

    static boolean has(int mask, EntityType type) {
        return (mask & (1 << type.ordinal())) != 0;
    }

    /** Simple plural of the last word: y -> ies after a consonant, s/x/z/ch/sh -> es, else s. */
    public static String plural(String phrase) {
        int n = phrase.length();
        char last = phrase.charAt(n - 1);
        if (last == 'y' && n > 1 && "aeiou".indexOf(phrase.charAt(n - 2)) < 0) {
            return phrase.substring(0, n - 1) + "ies";
        }
        if (phrase.endsWith("sis")) {
            return phrase.substring(0, n - 2) + "es";
        }
        if (last == 's' || last == 'x' || last == 'z' || phrase.endsWith("ch") || phrase.endsWith("sh")) {
            return phrase + "es";
        }
        return phrase + "s";
    }

    private static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int comment = line.indexOf(" #");
        if (comment > 0) {
            line = line.substring(0, comment).strip();
        }
        return line.isEmpty() ? null : Normalizer.normalize(line, Normalizer.Form.NFC);
    }

    private static List<String> readResource(String name) {
        List<String> lines = WordList.lines(name);
        return lines == null ? List.of() : lines;
    }
}
