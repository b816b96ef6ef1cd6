package org.rectify.supervision;

import org.rectify.plans.TaskStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One row of the supervision desk: a task, its warning and why; {@code ongoing}: the task is 长期坚持. */
public record TaskWarning(long taskId, String ref, String title, TaskStatus taskStatus, LocalDate deadline,
                          WarningLevel level, ScheduleStatus scheduleStatus, List<WarningReason> reasons,
                          OffsetDateTime since, List<String> leadUnits, boolean ongoing) {

    /** Without a date, it reads 长期坚持 rather than 未定 (as the ledger). */
    public boolean readsOngoing() {
        return org.rectify.plans.TaskSummary.readsOngoing(ongoing, taskStatus);
    }
}
