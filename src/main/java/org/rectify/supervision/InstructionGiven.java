package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/** A leader instructed on a task; its lead units are to answer by {@code answerBy}. */
public record InstructionGiven(long instructionId, long taskId, String leader, LocalDate answerBy, Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return leader;
    }

    @Override
    public String auditAction() {
        return "instruction.given";
    }

    @Override
    public String auditObject() {
        return "instruction:" + instructionId;
    }
}
