package org.rectify.plans;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.util.List;

public record TaskEdited(long taskId, List<String> changedFields, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "task.edited";
    }

    @Override
    public String auditObject() {
        return "task:" + taskId;
    }
}
