package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The unit head sent a report awaiting approval back to the staff as a draft, with a comment. */
public record ReportSentBack(long reportId, long taskId, long unitId, long cycleId, int version, String comment,
                             String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.sent-back";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
