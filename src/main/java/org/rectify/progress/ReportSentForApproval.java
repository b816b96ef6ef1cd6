package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** Unit staff finished a report on a plan that needs the unit head's approval; it waits for the head. */
public record ReportSentForApproval(long reportId, long taskId, long unitId, long cycleId, int version, String actor,
                                    Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.sent-for-approval";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
