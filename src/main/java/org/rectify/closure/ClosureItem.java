package org.rectify.closure;

/** One line of the application's self-check: a deliverable, an indicator (with its target and last measured value) or a condition. */
public record ClosureItem(Kind kind, String subject, String target, String lastValue) {

    public enum Kind { MILESTONE, INDICATOR, CONDITION }
}
