package io.paperpulse.enrich.extract.entity;

import java.util.ArrayList;
import java.util.List;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/** Lists of task names: "downstream tasks - a, b and c", "tasks such as ...", "x prediction (a new task ...)". */
final class TaskLists implements NameRule {
    private final Gazetteer gaz;
    private final Lexicon lex;
    private final Naming naming;

    TaskLists(Naming naming) {
        this.gaz = naming.gaz;
        this.lex = naming.lex;
        this.naming = naming;
    }

    @Override
    public void learn(Field f, Field other, Names p) {
        for (int i = 0; i + 1 < f.n; i++) {
            if ((f.kw[i] & Field.KW_TASKS) == 0) {
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
            int j = NameLists.listStart(f, i + 1);
            if (j >= 0) {
                items(f, j).forEach(item -> p.learn(f.text.substring(f.start[item[0]], f.end[item[1]]), EntityType.TASK,
                        Evidence.CONTEXT));
            }
        }
        learnListsWithAKnownTask(f, p);
    }

    /**
     * "such as time series prediction, video analysis, and musical information retrieval": a list that names a listed
     * task (here the tail of its last item) is a list of tasks, whatever word introduced it.
     */
    private void learnListsWithAKnownTask(Field f, Names p) {
        for (int i = 0; i + 2 < f.n; i++) {
            // listStart checks the rest: "such as", "e.g.", the gap before "including"
            if (!f.is(i, "such") && !f.is(i, "including") && !f.is(i, "e")) {
                continue;
            }
            List<int[]> items = items(f, NameLists.listStart(f, i));
            if (items.size() > 1 && items.stream().anyMatch(item -> endsInAListedTask(f, item))) {
                items.forEach(item -> p.learn(f.text.substring(f.start[withoutLeadingStops(f, item)], f.end[item[1]]),
                        EntityType.TASK, Evidence.CONTEXT));
            }
        }
    }

    /** The item's first token after the words of the sentence it may start with: "beyond just code generation". */
    private static int withoutLeadingStops(Field f, int[] item) {
        int b = item[0];
        while (b < item[1] && (Words.NOT_MODIFIERS.contains(f.tok[b]) || Words.PHRASE_STOPS.contains(f.tok[b])
                || Words.PREPOSITIONS.contains(f.tok[b]))) {
            b++;
        }
        return b;
    }

    private boolean endsInAListedTask(Field f, int[] item) {
        for (int b = item[0]; b <= item[1]; b++) {
            if (Gazetteer.has(gaz.typesOf(f.text.substring(f.start[b], f.end[item[1]])), EntityType.TASK)) {
                return true;
            }
        }
        return false;
    }

    /** The task items of a list from token {@code j} on, each its first and last token ({@code j < 0}: none). */
    private List<int[]> items(Field f, int j) {
        List<int[]> found = new ArrayList<>();
        int task = EntityType.TASK.ordinal();
        for (int items = 0; j >= 0 && j < f.n && items < 12; items++) {
            while (j < f.n && (f.is(j, "and") || f.is(j, "or") || Words.DETERMINERS.contains(f.tok[j]))) {
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
            while (h > j && !naming.isHead(Shapes.lastPart(f.tok[h]), task)) {
                h--;
            }
            boolean acronym = h == j && Shapes.isAllCaps(f.tok[j]) && !lex.isNotName(f.tok[j]) && e == j;
            if (naming.isHead(Shapes.lastPart(f.tok[h]), task) && Chars.isLower(f.tok[j].charAt(0)) || acronym) {
                found.add(new int[] {j, h});
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
        return found;
    }

    private void learnTaskPhraseEndingAt(Field f, Names p, int e) {
        if (e < 0 || !naming.isHead(Shapes.lastPart(f.tok[e]), EntityType.TASK.ordinal())) {
            return;
        }
        int b = e;
        while (b > 0 && e - b < 3 && f.gapIsSpace(b) && Chars.isLower(f.tok[b - 1].charAt(0))
                && !Words.PHRASE_STOPS.contains(f.tok[b - 1]) && !Words.DETERMINERS.contains(f.tok[b - 1])) {
            b--;
        }
        p.learn(f.text.substring(f.start[b], f.end[e]), EntityType.TASK, Evidence.CONTEXT);
    }
}
