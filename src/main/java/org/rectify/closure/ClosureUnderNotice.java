package org.rectify.closure;

import java.time.LocalDate;

/** A line of the public list of closures under notice (公示): the task and the notice period, nothing else. */
public record ClosureUnderNotice(long id, String taskRef, String taskTitle, LocalDate noticeFrom, LocalDate noticeUntil) {
}
