package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/** A look-back was scheduled by a task's closing or a campaign. */
public record LookBackScheduled(long lookBackId, long taskId, LocalDate dueOn, long checkingUnitId, Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String auditAction() {
        return "lookback.scheduled";
    }

    @Override
    public String auditObject() {
        return "look-back:" + lookBackId;
    }
}
