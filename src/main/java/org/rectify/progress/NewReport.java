package org.rectify.progress;

/**
 * A first report on a task for a cycle. {@code unitId} names the lead unit reporting; it may be left out when the
 * caller's own unit leads the task (or exactly one unit within the caller's unit does). With {@code submit} the
 * report is submitted at once (or sent for approval), otherwise kept as a draft.
 */
public record NewReport(long taskId, long cycleId, Long unitId, ReportContent content, boolean submit) {
}
