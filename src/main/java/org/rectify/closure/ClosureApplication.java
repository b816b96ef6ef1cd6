package org.rectify.closure;

import java.util.List;

/**
 * What a lead unit sends to apply (销号申请): a statement, and one answer per item of the form (each deadline
 * deliverable, each indicator, each closure condition, in the order {@link ClosureViews#items} gives them).
 */
public record ClosureApplication(String statement, List<Answer> answers) {

    /** 达到 / 未达到, with the unit's words. */
    public record Answer(boolean achieved, String text) {
    }
}
