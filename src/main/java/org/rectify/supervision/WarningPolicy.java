package org.rectify.supervision;

import org.rectify.plans.TaskStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The warning rules, as a value: red when the final deadline has passed and the task is not closed, or
 * when it relapsed; yellow when a milestone's date has passed while the task is still being worked on, a
 * supervision notice is unanswered past its date or was answered late within the last
 * {@link #LATE_ANSWER_COUNTS} days, or a lead unit missed the last report (ongoing tasks too); blue when the next
 * deadline is within {@code blueDays}. A draft has not been given to anyone yet and warns nobody; closed, cancelled
 * and ongoing (长期坚持) tasks are done.
 */
public record WarningPolicy(SupervisionSettings settings) {

    /**
     * How many days a late answer to a supervision notice keeps its task at least yellow: answering late must not
     * clear the warning the lateness raised on the very day of the answer (督办单逾期回复 stays on the desk a month).
     */
    public static final int LATE_ANSWER_COUNTS = 30;

    /**
     * Whether a report counted for a cycle due on {@code dueOn} can change a task's warning on {@code today}. A report
     * changes one fact only, "report missing", which looks at the plan's last cycle whose grace period ended before
     * today; a cycle due today or later is not past its grace period (it ends on the due date or after).
     */
    public static boolean reportCanChange(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }

    public Assessment assess(TaskFacts task, LocalDate today) {
        TaskStatus status = task.status();
        switch (status) {
            case CLOSED, CANCELLED -> {
                return Assessment.of(ScheduleStatus.DONE, WarningLevel.NONE);
            }
            case ONGOING -> { // done, but must keep reporting
                return withReport(Assessment.of(ScheduleStatus.DONE, WarningLevel.NONE), task);
            }
            case DRAFT -> {
                return Assessment.of(ScheduleStatus.NOT_STARTED, WarningLevel.NONE);
            }
            case REOPENED -> {
                boolean overdue = task.deadline() != null && task.deadline().isBefore(today);
                Assessment relapsed = overdue
                        ? Assessment.of(ScheduleStatus.OVERDUE, WarningLevel.RED, WarningReason.RELAPSED, WarningReason.OVERDUE)
                        : Assessment.of(ScheduleStatus.BEHIND, WarningLevel.RED, WarningReason.RELAPSED);
                return withReport(withNotice(relapsed, task), task);
            }
            default -> {
                return withReport(withNotice(assessOpen(task, today), task), task);
            }
        }
    }

    private Assessment assessOpen(TaskFacts task, LocalDate today) {
        boolean notStarted = task.status() == TaskStatus.ASSIGNED;
        List<WarningReason> reasons = new ArrayList<>();
        if (task.deadline() != null && task.deadline().isBefore(today)) {
            reasons.add(WarningReason.OVERDUE);
            addIf(reasons, notStarted, WarningReason.NOT_STARTED);
            return new Assessment(ScheduleStatus.OVERDUE, WarningLevel.RED, reasons);
        }
        // a closure request says the work is done: an intermediate date behind it is no longer a delay
        if (task.lastPassed() != null && task.status() != TaskStatus.CLOSURE_REQUESTED) {
            reasons.add(WarningReason.MILESTONE_PASSED);
            addIf(reasons, notStarted, WarningReason.NOT_STARTED);
            return new Assessment(ScheduleStatus.BEHIND, WarningLevel.YELLOW, reasons);
        }
        ScheduleStatus onTrack = notStarted ? ScheduleStatus.NOT_STARTED : ScheduleStatus.ON_SCHEDULE;
        if (task.nextDue() != null && ChronoUnit.DAYS.between(today, task.nextDue()) <= settings.blueDays()) {
            return Assessment.of(onTrack, WarningLevel.BLUE, WarningReason.DEADLINE_NEAR);
        }
        return Assessment.of(onTrack, WarningLevel.NONE);
    }

    /** An unanswered notice past its date, or one answered late lately, makes the task at least yellow, and says so. */
    private static Assessment withNotice(Assessment a, TaskFacts task) {
        Assessment unanswered = task.noticeOverdue() ? atLeastYellow(a, WarningReason.NOTICE_UNANSWERED) : a;
        return task.noticeAnsweredLate() ? atLeastYellow(unanswered, WarningReason.NOTICE_ANSWERED_LATE) : unanswered;
    }

    /** So does a report missing after its cycle's grace period. */
    private static Assessment withReport(Assessment a, TaskFacts task) {
        return task.reportMissing() ? atLeastYellow(a, WarningReason.REPORT_MISSING) : a;
    }

    private static Assessment atLeastYellow(Assessment a, WarningReason reason) {
        List<WarningReason> reasons = new ArrayList<>(a.reasons());
        reasons.add(reason);
        boolean raise = WarningLevel.YELLOW.isAbove(a.level());
        return new Assessment(raise ? ScheduleStatus.BEHIND : a.scheduleStatus(), raise ? WarningLevel.YELLOW : a.level(), reasons);
    }

    private static void addIf(List<WarningReason> reasons, boolean condition, WarningReason reason) {
        if (condition) {
            reasons.add(reason);
        }
    }
}
