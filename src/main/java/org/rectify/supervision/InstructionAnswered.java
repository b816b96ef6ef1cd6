package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The lead unit answered a leader's instruction; the leader is to be told. */
public record InstructionAnswered(long instructionId, long taskId, long leaderAccountId, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "instruction.answered";
    }

    @Override
    public String auditObject() {
        return "instruction:" + instructionId;
    }
}
