package org.rectify.plans;

import org.rectify.platform.Audited;

import java.time.Instant;

/** A task changed state by a command; published for audit, notifications and disclosure. */
public record TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                               String actor, String reason, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "task.transitioned";
    }

    @Override
    public String auditObject() {
        return "task:" + taskId;
    }
}
