package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * A step of the closure procedure was taken ({@code step}: apply, sign-off, assign-verification, pass-verification,
 * fail-verification, approve, uphold-objection, reject-objection, close, return). Published for notifications and the audit chain.
 */
public record ClosureAdvanced(long closureId, long taskId, String taskRef, ClosureKind kind, String step,
                              ClosureStage from, ClosureStage to, String number, Long acceptanceUnitId, String actor,
                              String reason, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "closure." + step;
    }

    @Override
    public String auditObject() {
        return "closure:" + closureId;
    }
}
