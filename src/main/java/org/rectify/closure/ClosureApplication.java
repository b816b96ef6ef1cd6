package org.rectify.closure;

import java.util.List;

/**
 * What a lead unit sends to apply (销号申请): a statement, one answer per item of the form (each deadline
 * deliverable, each indicator, each closure condition, in the order {@link ClosureViews#items} gives them), and the
 * evidence already in the task's reports it cites ({@code earlierEvidence}: evidence ids, see
 * {@link ClosureViews#earlierEvidence}), besides any new files.
 */
public record ClosureApplication(String statement, List<Answer> answers, List<Long> earlierEvidence) {

    public ClosureApplication {
        earlierEvidence = earlierEvidence == null ? List.of() : List.copyOf(earlierEvidence);
    }

    public ClosureApplication(String statement, List<Answer> answers) {
        this(statement, answers, List.of());
    }

    /** 达到 / 未达到, with the unit's words. */
    public record Answer(boolean achieved, String text) {
    }
}
