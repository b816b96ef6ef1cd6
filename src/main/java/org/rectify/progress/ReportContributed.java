package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** A supporting unit added its contribution to a lead unit's report of a cycle. */
public record ReportContributed(long contributionId, long taskId, long cycleId, long leadUnitId, long unitId,
                                String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "report.contributed";
    }

    @Override
    public String auditObject() {
        return "contribution:" + contributionId;
    }
}
