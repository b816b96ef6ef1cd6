package org.rectify.supervision;

import java.util.Arrays;
import java.util.List;

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
    REPORT_MISSING;

    /** The reasons as stored with a level: names joined by commas, empty for none. */
    public static List<WarningReason> parseAll(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(WarningReason::valueOf).toList();
    }
}
