package org.rectify.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report counts as submitted: the lead unit has reported on the task for the cycle. {@code daysLate} is how many
 * days after the due date the cycle's first submission came when it came after the grace period, else 0.
 * {@code lastEnded}: whether the cycle is its plan's last cycle whose grace period ended before today (the one a
 * task's "report missing" looks at), as the command read it with the cycle; null when the command did not read it. A
 * hint for the warnings, which ask the database when it is null; not part of the fact, so not in the audit chain.
 */
public record ReportSubmitted(long reportId, long taskId, long unitId, long cycleId, int version, LocalDate dueOn,
                              int daysLate, @JsonIgnore Boolean lastEnded, String actor, Instant occurredAt)
        implements Audited {

    @Override
    public String auditAction() {
        return "report.submitted";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
