package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report counts as submitted: the lead unit has reported on the task for the cycle. {@code daysLate} is how many
 * days after the due date the cycle's first submission came when it came after the grace period, else 0.
 */
public record ReportSubmitted(long reportId, long taskId, long unitId, long cycleId, int version, LocalDate dueOn,
                              int daysLate, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.submitted";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
