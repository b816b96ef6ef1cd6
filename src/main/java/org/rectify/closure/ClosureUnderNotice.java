package org.rectify.closure;

import java.time.LocalDate;

/**
 * A line of the public list of closures under notice (公示): the task and the notice period, nothing else. The list
 * mixes plans, so the task is named with its plan's short name ({@code taskLabel}: 临沧回头看·回2), as the ledger does.
 */
public record ClosureUnderNotice(long id, long taskId, String taskRef, String taskLabel, String taskTitle,
                                 LocalDate noticeFrom, LocalDate noticeUntil) {
}
