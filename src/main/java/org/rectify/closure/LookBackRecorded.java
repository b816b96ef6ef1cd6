package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The checking unit recorded a look-back: HELD (巩固) or RELAPSED (反弹, the task is reopened as a relapse). */
public record LookBackRecorded(long lookBackId, long taskId, LookBackStatus outcome, String findings, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "lookback.recorded";
    }

    @Override
    public String auditObject() {
        return "look-back:" + lookBackId;
    }
}
