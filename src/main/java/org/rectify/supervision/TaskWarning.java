package org.rectify.supervision;

import org.rectify.plans.TaskStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One row of the supervision desk: a task, its warning and why. */
public record TaskWarning(long taskId, String ref, String title, TaskStatus taskStatus, LocalDate deadline,
                          WarningLevel level, ScheduleStatus scheduleStatus, List<WarningReason> reasons,
                          OffsetDateTime since, List<String> leadUnits) {
}
