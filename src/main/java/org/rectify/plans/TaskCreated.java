package org.rectify.plans;

import org.rectify.platform.Audited;

import java.time.Instant;

public record TaskCreated(long taskId, long planId, String ref, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "task.created";
    }

    @Override
    public String auditObject() {
        return "task:" + taskId;
    }
}
