package org.rectify.intake.parser;

import java.util.List;

/** What the parser makes of a plan text: a draft the office reviews before publishing. */
public record DraftPlan(String title, List<DraftTask> tasks, List<UnresolvedMention> unresolved,
                        List<ParseWarning> warnings) {

    public DraftPlan {
        tasks = List.copyOf(tasks);
        unresolved = List.copyOf(unresolved);
        warnings = List.copyOf(warnings);
    }

    /** The task with this reference, if any (refs are unique unless a warning says otherwise). */
    public java.util.Optional<DraftTask> task(String ref) {
        return tasks.stream().filter(t -> t.ref().equals(ref)).findFirst();
    }
}
