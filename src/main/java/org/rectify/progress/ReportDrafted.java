package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** A version of a report was started: the first (version 1) or a correction superseding a submitted one. */
public record ReportDrafted(long reportId, long taskId, long unitId, long cycleId, int version, Long supersedesId,
                            String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.drafted";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
