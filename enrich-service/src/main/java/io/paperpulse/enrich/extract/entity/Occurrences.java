package io.paperpulse.enrich.extract.entity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/**
 * The reporting pass over one field: every bounded occurrence of gazetteer entries, learned names and model-shaped
 * tokens becomes a candidate; the longest wins where they overlap, then the strongest; one entity per distinct
 * (type, surface) in the paper, a surface keeping the type it got first.
 */
final class Occurrences {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;
    private final Variants variants;

    Occurrences(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
        this.variants = new Variants(naming.lex);
    }

    private record Cand(int start, int end, EntityType type, Evidence strength) {
    }

    /** Longest first, then strongest, then leftmost. */
    private static final Comparator<Cand> PRECEDENCE = Comparator.comparingInt((Cand c) -> c.start - c.end)
            .thenComparingInt(c -> -c.strength.ordinal()).thenComparingInt(c -> c.start);
    private static final Comparator<Cand> IN_TEXT_ORDER = Comparator.comparingInt(Cand::start);

    /** The entities of the title, then of the abstract; a surface seen in both is reported once, with its first type. */
    List<Entity> report(Field title, Field abstractField, Names p) {
        Map<String, List<String>> learned = byFirstWord(p);
        Map<String, EntityType> typeOfSurface = new HashMap<>();
        List<Entity> out = new ArrayList<>();
        emit(title, p, learned, typeOfSurface, out);
        emit(abstractField, p, learned, typeOfSurface, out);
        return out;
    }

    private void emit(Field f, Names p, Map<String, List<String>> learned, Map<String, EntityType> typeOfSurface,
            List<Entity> out) {
        if (f.n == 0) {
            return;
        }
        List<Cand> cands = new ArrayList<>();
        String text = f.text;
        gaz.scan(f, (s, e, mask) -> {
            if (f.inUrlAt(s)) {
                return;
            }
            EntityType type = contextType(f, s, e, mask, p);
            if (type == EntityType.ORG && (s > 0 && text.charAt(s - 1) == '-' || e < text.length() && text.charAt(e) == '-')) {
                return; // "Meta-learning", "Google-scale": a part of a compound word, not the organisation
            }
            if (type == EntityType.TASK) {
                Integer h = lex.head(Variants.lastWord(text, s, e));
                if (h != null && h == Lexicon.IGNORE) {
                    return; // "continual learning": a paradigm, not a task
                }
                int left = variants.taskModifierStart(f, s);
                if (left < s) {
                    cands.add(new Cand(left, e, type, Evidence.GAZETTEER));
                }
            }
            int end = variants.extend(f, s, e, type);
            if (s > 0 && text.charAt(s - 1) == '-' && type != EntityType.TASK && type != EntityType.ORG) {
                int from = variants.compoundStart(f, s);
                if (from < s) {
                    cands.add(new Cand(from, end, type, Evidence.GAZETTEER));
                }
            }
            boolean open = e < text.length() && text.charAt(e) == '_';
            if (open && (end == e || Chars.isWordCharAt(text, end))) {
                return; // "BERT_xyz" with no known variant suffix
            }
            if (!open) {
                cands.add(new Cand(s, e, type, Evidence.GAZETTEER));
            }
            if (end > e) {
                cands.add(new Cand(s, end, type, Evidence.GAZETTEER));
            }
        });
        learnedOccurrences(f, p, learned, cands);
        for (int i = 0; i < f.n; i++) {
            if (f.inUrl[i]) {
                continue;
            }
            if (f.mayBeShapedName(i)) {
                shapedName(f, i, p, cands);
            }
            // "OpenAI's GPT": a possessor of a model is an organisation
            if (i + 2 < f.n && f.tok[i + 1].equals("s") && isApostrophe(f, i + 1) && Chars.isUpper(f.tok[i].charAt(0))
                    && !lex.isNotName(f.tok[i]) && gaz.typesOf(f.tok[i]) == 0 && !p.strength.containsKey(f.tok[i])
                    && isModelAt(f, i + 2, p)) {
                cands.add(new Cand(f.start[i], f.end[i], EntityType.ORG, Evidence.CONTEXT));
            }
        }
        cands.sort(PRECEDENCE);
        List<Cand> kept = new ArrayList<>();
        BitSet taken = null;
        for (Cand c : cands) {
            if (taken == null && kept.size() == FEW) {
                taken = new BitSet(text.length());
                for (Cand k : kept) {
                    taken.set(k.start, k.end);
                }
            }
            if (taken == null ? !overlapsAny(kept, c) : !overlaps(taken, c)) {
                kept.add(c);
                if (taken != null) {
                    taken.set(c.start, c.end);
                }
            }
        }
        kept.sort(IN_TEXT_ORDER);
        for (Cand c : kept) {
            String surface = text.substring(c.start, c.end);
            if (typeOfSurface.putIfAbsent(surface, c.type) == null) {
                out.add(new Entity(c.type, surface, f.name, c.start, c.end));
            }
        }
    }

    /** The candidate of a model-shaped token or release (see {@link Naming#mayBeShapedName}) the paper did not learn. */
    private void shapedName(Field f, int i, Names p, List<Cand> cands) {
        String w = naming.trimLowerParts(f.tok[i]);
        if (p.blocked.contains(w) || p.strength.containsKey(w)) {
            return;
        }
        boolean release = naming.families.isVersioned(w);
        int end = f.start[i] + w.length();
        EntityType type = shapeType(f, i, w, end);
        if (type == EntityType.METHOD && release) {
            type = EntityType.MODEL; // "Deepseek-r1-7b": a release of a listed family
        }
        int ext = variants.extend(f, f.start[i], end, type);
        cands.add(new Cand(f.start[i], ext, type, Evidence.SHAPE));
    }

    /** Up to this many kept candidates are checked one by one; beyond, a bit set of the taken characters. */
    private static final int FEW = 16;

    private static boolean overlaps(BitSet taken, Cand c) {
        int next = taken.nextSetBit(c.start);
        return next >= 0 && next < c.end;
    }

    /** True when {@code c} shares a character with a kept candidate. */
    private static boolean overlapsAny(List<Cand> kept, Cand c) {
        for (Cand k : kept) {
            if (k.start < c.end && c.start < k.end) {
                return true;
            }
        }
        return false;
    }

    /** The learned names by their first compound token, the key their occurrences are looked up by. */
    private static Map<String, List<String>> byFirstWord(Names p) {
        Map<String, List<String>> byFirst = new HashMap<>();
        for (String name : p.type.keySet()) {
            int cut = 0;
            while (cut < name.length() && (Chars.isWordChar(name.charAt(cut)) || name.charAt(cut) == '-'
                    || (name.charAt(cut) == '.' && cut + 1 < name.length() && Chars.isDigit(name.charAt(cut + 1))))) {
                cut++;
            }
            byFirst.computeIfAbsent(name.substring(0, cut), k -> new ArrayList<>(2)).add(name);
        }
        return byFirst;
    }

    private void learnedOccurrences(Field f, Names p, Map<String, List<String>> byFirst, List<Cand> cands) {
        if (byFirst.isEmpty()) {
            return;
        }
        // the lengths of the first tokens (below 64): a hyphen prefix of another length needs no substring to miss
        long lengths = 0;
        for (String first : byFirst.keySet()) {
            lengths |= first.length() < 64 ? 1L << first.length() : 0;
        }
        for (int i = 0; i < f.n; i++) {
            if (f.inUrl[i]) {
                continue;
            }
            String w = f.tok[i];
            matchLearned(f, p, cands, byFirst.get(w), f.start[i]);
            for (int h = w.indexOf('-'), k = 0; h > 0 && k < 3; h = w.indexOf('-', h + 1), k++) {
                if (h >= 64 || (lengths & 1L << h) != 0) {
                    matchLearned(f, p, cands, byFirst.get(w.substring(0, h)), f.start[i]);
                }
            }
        }
    }

    private void matchLearned(Field f, Names p, List<Cand> cands, List<String> names, int at) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            int end = at + name.length();
            if (f.text.startsWith(name, at) && Chars.isBounded(f.text, at, end)) {
                EntityType type = p.type.get(name);
                cands.add(new Cand(at, variants.extend(f, at, end, type), type, p.strength.get(name)));
            }
        }
    }

    private static boolean isApostrophe(Field f, int k) {
        int from = f.end[k - 1];
        return f.start[k] - from == 1 && (f.text.charAt(from) == '\'' || f.text.charAt(from) == '’');
    }

    /** The type of a gazetteer match listed under several types, chosen by the noun after it. */
    private EntityType contextType(Field f, int s, int e, int mask, Names p) {
        if (Integer.bitCount(mask) > 1) {
            int k = f.tokenAt(s);
            int last = f.tokenEndingAt(e);
            int after = last >= 0 ? last + 1 : -1;
            // "DeepSeek's R1", "Mistral's model": a name listed as a maker too is the maker where it owns a model
            if (Gazetteer.has(mask, EntityType.ORG) && after > 0 && after + 1 < f.n && f.tok[after].equals("s")
                    && isApostrophe(f, after) && (isModelAt(f, after + 1, p) || f.head(after + 1) != null
                    && f.head(after + 1) == EntityType.MODEL.ordinal())) {
                return EntityType.ORG;
            }
            if (after > 0 && after < f.n) {
                Integer h = f.head(after);
                if (h != null && h >= 0 && (mask & (1 << h)) != 0) {
                    return Lexicon.TYPES[h];
                }
            }
            if (k > 0) {
                Integer h = f.head(k - 1);
                if (h != null && h >= 0 && (mask & (1 << h)) != 0) {
                    return Lexicon.TYPES[h];
                }
                if ((f.is(k - 1, "on") || f.is(k - 1, "from")) && Gazetteer.has(mask, EntityType.DATASET)) {
                    return EntityType.DATASET;
                }
            }
        }
        return Gazetteer.primary(mask);
    }

    private EntityType shapeType(Field f, int i, String w, int end) {
        int after = i + 1;
        if (end == f.end[i] && after < f.n && f.gapIsSpace(after)) {
            Integer h = f.head(after);
            if (h != null && h >= 0 && h != EntityType.TASK.ordinal()) {
                return Lexicon.TYPES[h];
            }
        }
        int parts = naming.partsType(w);
        if (parts != 0) {
            return Gazetteer.primary(parts);
        }
        return naming.typeFor(w, null);
    }

    private boolean isModelAt(Field f, int k, Names p) {
        String w = f.tok[k];
        EntityType learned = p.type.get(w);
        if (learned == EntityType.MODEL) {
            return true;
        }
        int mask = gaz.typesOf(w) | naming.partsType(w);
        return Gazetteer.has(mask, EntityType.MODEL) || Shapes.isModelShape(naming.trimLowerParts(w)) && !lex.isNotName(w);
    }
}
