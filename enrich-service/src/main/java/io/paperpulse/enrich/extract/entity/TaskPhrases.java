package io.paperpulse.enrich.extract.entity;

import io.paperpulse.contracts.EntityType;

/**
 * A task named by its head noun and the modifiers before it, "protein generation", "Crystal Structure Generation":
 * no list needs to hold the phrase. The heads are {@code extract/entity/task-phrase-heads.txt}; a head alone ("the
 * generation") is no task.
 */
final class TaskPhrases implements NameRule {
    private final TaskModifiers modifiers;

    TaskPhrases(Naming naming) {
        this.modifiers = new TaskModifiers(naming.lex);
    }

    @Override
    public void learn(Field f, Field other, Names names) {
        for (int k = 1; k < f.n; k++) {
            if (!f.inUrl[k] && (f.kw[k] & Field.KW_TASK_HEAD) != 0) {
                int s = modifiers.start(f, k);
                if (s < k) {
                    names.learn(f.text.substring(f.start[s], f.end[k]), EntityType.TASK, Evidence.CONTEXT);
                }
            }
        }
    }
}
