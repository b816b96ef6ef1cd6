package org.rectify.supervision;

import org.rectify.plans.TaskStatus;

import java.time.LocalDate;

/**
 * What the warning rules look at for one task on one day.
 *
 * @param deadline       the task's final deadline (its last milestone), or null
 * @param nextDue        the first milestone due on or after the day, or null
 * @param lastPassed     the last milestone due before the day, or null
 * @param noticeOverdue  a supervision notice on the task is unanswered past its reply-by date
 * @param reportMissing  a lead unit has not reported for the plan's last reporting cycle whose grace period is over
 * @param noticeAnsweredLate a supervision notice on the task was answered after its reply-by date, within the last
 *                       {@link WarningPolicy#LATE_ANSWER_COUNTS} days
 */
public record TaskFacts(TaskStatus status, LocalDate deadline, LocalDate nextDue, LocalDate lastPassed,
                        boolean noticeOverdue, boolean reportMissing, boolean noticeAnsweredLate) {

    public TaskFacts(TaskStatus status, LocalDate deadline, LocalDate nextDue, LocalDate lastPassed) {
        this(status, deadline, nextDue, lastPassed, false, false);
    }

    public TaskFacts(TaskStatus status, LocalDate deadline, LocalDate nextDue, LocalDate lastPassed,
                     boolean noticeOverdue, boolean reportMissing) {
        this(status, deadline, nextDue, lastPassed, noticeOverdue, reportMissing, false);
    }
}
