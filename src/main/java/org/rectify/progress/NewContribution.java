package org.rectify.progress;

/**
 * A supporting unit's contribution to the report of lead unit {@code leadUnitId} (default: the task's first lead
 * unit) on a task for a cycle.
 */
public record NewContribution(long taskId, long cycleId, Long leadUnitId, String text) {
}
