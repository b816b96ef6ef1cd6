package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The office changed a plan's look-back rounds or checking unit. */
public record LookBackSettingsChanged(long planId, String months, Long checkingUnitId, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "lookback.settings-changed";
    }

    @Override
    public String auditObject() {
        return "plan:" + planId;
    }
}
