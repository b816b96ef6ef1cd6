package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * A member of the public objected to a closure under notice (异议); {@code officeUnitId} runs the plan and answers
 * (null for a plan without one, which administrators run).
 * Carries no word of the objector's.
 */
public record ObjectionReceived(long objectionId, long closureId, long taskId, String taskRef, Long officeUnitId,
                                Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return "public";
    }

    @Override
    public String auditAction() {
        return "closure.objection-received";
    }

    @Override
    public String auditObject() {
        return "closure:" + closureId;
    }
}
