package org.rectify.progress;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The office set (or changed) a plan's reporting cadence; cycles were generated from it. */
public record ReportingCadenceSet(long planId, CadenceKind kind, int dueDay, int graceDays, boolean approvalRequired,
                                  String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "cadence.set";
    }

    @Override
    public String auditObject() {
        return "plan:" + planId;
    }
}
