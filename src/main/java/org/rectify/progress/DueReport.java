package org.rectify.progress;

import java.time.LocalDate;

/**
 * One report a lead unit owed on one task for one cycle: the cycle's dates and the day the report first counted as
 * submitted (null: not yet). Whether it came on time is the reader's question (see supervision's circulars).
 */
public record DueReport(long planId, long cycleId, LocalDate dueOn, LocalDate graceUntil, long taskId, String taskRef,
                        String taskTitle, long unitId, String unitName, LocalDate submittedOn) {
}
