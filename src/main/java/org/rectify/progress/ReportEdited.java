package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.util.List;

/** A draft report was saved again, or evidence files were attached to it ({@code evidenceIds}). */
public record ReportEdited(long reportId, long taskId, List<Long> evidenceIds, String actor, Instant occurredAt)
        implements Audited {

    @Override
    public String auditAction() {
        return evidenceIds.isEmpty() ? "report.edited" : "report.evidence-attached";
    }

    @Override
    public String auditObject() {
        return "report:" + reportId;
    }
}
