package org.rectify.supervision;

import java.time.Instant;

/** The lead unit answered a leader's instruction; the leader is to be told. */
public record InstructionAnswered(long instructionId, long taskId, long leaderAccountId, Instant occurredAt) {
}
