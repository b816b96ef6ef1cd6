package org.rectify.plans;

import java.time.Instant;

/** A task changed state by a command; published for audit, notifications and disclosure. */
public record TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                               String actor, String reason, Instant occurredAt) {
}
