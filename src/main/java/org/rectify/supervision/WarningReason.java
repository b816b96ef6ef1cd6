package org.rectify.supervision;

/** Why a task has its level; each maps to a message (supervision.reason.*). */
public enum WarningReason {
    /** the final deadline has passed and the task is not closed */
    OVERDUE,
    /** the task was closed and has relapsed (reopened) */
    RELAPSED,
    /** a milestone's date has passed while the task is still being worked on */
    MILESTONE_PASSED,
    /** the next deadline is within the plan's blue threshold */
    DEADLINE_NEAR,
    /** the task has been assigned but not started although a milestone has passed or is near */
    NOT_STARTED,
    /** a supervision notice on the task is unanswered past its reply-by date */
    NOTICE_UNANSWERED,
    /** a supervision notice on the task was answered after its reply-by date, lately (see WarningPolicy) */
    NOTICE_ANSWERED_LATE,
    /** a lead unit did not report for the last reporting cycle, grace period included */
    REPORT_MISSING
}
