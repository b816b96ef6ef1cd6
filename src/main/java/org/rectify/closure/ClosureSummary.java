package org.rectify.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A line of the closure desk: an attempt, its task, its stage and since when it waits, and its open objections. */
public record ClosureSummary(long id, long taskId, String taskRef, String taskTitle, List<String> leadUnits,
                             int attempt, ClosureKind kind, ClosureStage stage, Instant since, long waitingDays,
                             LocalDate noticeUntil, String number, int openObjections, Long acceptanceUnitId) {
}
