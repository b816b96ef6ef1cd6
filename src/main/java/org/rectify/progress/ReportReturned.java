package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The office returned a submitted report with comments; the unit answers with a new version. */
public record ReportReturned(long reportId, long taskId, long unitId, long cycleId, int version, String comment,
                             String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.returned";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
