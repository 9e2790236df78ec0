package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** "the IMDB dataset", "our BLURB benchmark", "BERTurk models", "datasets, including Cora, PubMed, ...". */
final class TypingContexts implements NameRule {
    private final Gazetteer gaz;
    private final Naming naming;
    private final NameLists lists;

    TypingContexts(Naming naming) {
        this.gaz = naming.gaz;
        this.naming = naming;
        this.lists = new NameLists(naming);
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 1; i < f.n; i++) {
            Integer h = f.head(i);
            if (h == null || h < 0) {
                continue;
            }
            EntityType type = Lexicon.TYPES[h];
            if (type != EntityType.DATASET && type != EntityType.MODEL && type != EntityType.FRAMEWORK
                    || type == EntityType.FRAMEWORK && !Chars.isLower(f.tok[i].charAt(0))) {
                continue;
            }
            boolean plural = f.tok[i].endsWith("s") || f.tok[i].equals("corpora");
            // NAME head / NAME and NAME heads / the NAME modifier... head
            int k = i - 1;
            if (!f.title && !f.sentenceStart[i] && Chars.isUpper(f.tok[i].charAt(0)) && !Shapes.isAcronym(f.tok[i])
                    && type != EntityType.FRAMEWORK) {
                // "Neural Turing Machines", "Pointer Net": a capitalised run ending in a capitalised head noun
                if (i + 1 < f.n && f.gapIsSpace(i + 1) && Chars.isUpper(f.tok[i + 1].charAt(0))) {
                    continue;
                }
                int b = i;
                while (b > 0 && i - b < 8 && f.gapIsSpace(b) && !f.sentenceStart[b]) {
                    String prev = f.tok[b - 1];
                    if (Chars.isUpper(prev.charAt(0)) && !Words.CAPITAL_FUNCTION_WORDS.contains(prev)) {
                        b--;
                    } else if (Words.RUN_GLUE.contains(prev) && b >= 2 && b < i && !coordinatesNames(f, b - 1, h)
                            && (Chars.isUpper(f.tok[b - 2].charAt(0))
                            || Words.RUN_GLUE.contains(f.tok[b - 2]) && b >= 3 && Chars.isUpper(f.tok[b - 3].charAt(0)))
                            && f.gapIsSpace(b - 1)) {
                        b--;
                    } else {
                        break;
                    }
                }
                while (b < i && Words.RUN_GLUE.contains(f.tok[b])) {
                    b++;
                }
                String name = f.text.substring(f.start[b], f.end[i]);
                if (b < i && !naming.allGeneric(name) && !f.sentenceStart[b]) {
                    p.learn(name, type, Evidence.CONTEXT);
                }
                continue;
            }
            if (f.gapIsSpace(i) && !f.inUrl[k]) {
                int nameEnd = k;
                if (Shapes.isVersion(f.tok[k]) && k > 0 && f.gapIsSpace(k)) {
                    k--;
                }
                if (naming.isNameToken(f, k, false) && gaz.typesOf(f.tok[k]) == 0) {
                    // "Arena Hard leaderboard": the whole capitalised run
                    while (k > 0 && nameEnd - k < 3 && f.gapIsSpace(k) && !f.sentenceStart[k]
                            && Chars.isUpper(f.tok[k - 1].charAt(0)) && naming.isNameToken(f, k - 1, false)
                            && !f.sentenceStart[k - 1] && !Shapes.isAcronym(f.tok[k - 1])) {
                        k--;
                    }
                    String name = f.text.substring(f.start[k], f.end[nameEnd]);
                    if (!naming.allGeneric(name)) {
                        p.learn(name, type, Evidence.CONTEXT);
                    }
                    // "ADE20K, COCO-Stuff, and Pascal Context benchmarks"
                    int e = k - 1;
                    for (int guard = 0; plural && guard < 6 && e >= 1; guard++) {
                        if (f.is(e, "and") || f.is(e, "or")) {
                            e--;
                        } else if (!f.gapHas(e + 1, ',')) {
                            break;
                        }
                        if (e < 0 || !naming.isNameToken(f, e, false)) {
                            break;
                        }
                        int b = e;
                        if (Shapes.isVersion(f.tok[e]) && e > 0 && naming.isNameToken(f, e - 1, false)) {
                            b = e - 1;
                        }
                        while (b > 0 && e - b < 2 && f.gapIsSpace(b) && Chars.isUpper(f.tok[b - 1].charAt(0))
                                && naming.isNameToken(f, b - 1, false) && !Shapes.isAcronym(f.tok[b - 1])) {
                            b--;
                        }
                        if (gaz.typesOf(f.tok[b]) == 0) {
                            p.learn(f.text.substring(f.start[b], f.end[e]), type, Evidence.CONTEXT);
                        }
                        e = b - 1;
                    }
                } else if (type == EntityType.DATASET && !plural) {
                    // the GLUE natural language understanding benchmark
                    for (int b = i - 2; b >= 1 && b >= i - 4; b--) {
                        if (!f.gapIsSpace(b + 1) || !Chars.isLower(f.tok[b + 1].charAt(0))) {
                            break;
                        }
                        if ((f.is(b - 1, "the") || f.is(b - 1, "our")) && naming.isNameToken(f, b, false)
                                && Shapes.isAllCaps(f.tok[b]) && gaz.typesOf(f.tok[b]) == 0) {
                            p.learn(f.tok[b], type, Evidence.CONTEXT);
                            break;
                        }
                    }
                }
            }
            // "dataset, tape-arxiv23" / "dataset CaseHOLD"
            if (!plural && type == EntityType.DATASET && i + 1 < f.n && (f.gapIsSpace(i + 1) || ",".equals(f.gap(i + 1)))
                    && (Words.INTRODUCED.contains(f.tok[i - 1]) || i > 1 && Words.INTRODUCED.contains(f.tok[i - 2]))
                    && lists.isListItem(f, i + 1) && ((Shapes.hasDigit(f.tok[i + 1]) || f.tok[i + 1].indexOf('-') > 0) || naming.isNameToken(f, i + 1, false))) {
                p.learn(lists.itemText(f, i + 1), type, Evidence.CONTEXT);
            }
            // datasets such as / including / like / (e.g., ...) X, Y and Z
            if (plural && i + 1 < f.n) {
                int j = NameLists.listStart(f, i + 1);
                if (j > 0) {
                    lists.learnList(f, p, j, type);
                }
            }
        }
    }

    /** "Neural Turing Machines and Memory Networks": an "and" after a head noun of the same type joins two names. */
    private static boolean coordinatesNames(Field f, int glue, int head) {
        Integer before = f.head(glue - 1);
        return (f.is(glue, "and") || f.is(glue, "or")) && before != null && before == head;
    }
}
