package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A leader instructed on a task; its lead units are to answer by {@code answerBy}. */
public record InstructionGiven(long instructionId, long taskId, String leader, LocalDate answerBy, Instant occurredAt) {
}
