package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.util.List;

/** A task's warning level went up or down; notifications and dashboards listen. */
public record WarningLevelChanged(long taskId, WarningLevel from, WarningLevel to, List<WarningReason> reasons,
                                  Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String auditAction() {
        return "warning.changed";
    }

    @Override
    public String auditObject() {
        return "task:" + taskId;
    }
}
