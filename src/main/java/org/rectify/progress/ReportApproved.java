package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The unit head approved a report; a {@link ReportSubmitted} for it follows. */
public record ReportApproved(long reportId, long taskId, long unitId, long cycleId, int version, String actor,
                             Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.approved";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
