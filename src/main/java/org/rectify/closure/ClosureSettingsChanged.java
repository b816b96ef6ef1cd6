package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/** A plan's closure rules were changed. */
public record ClosureSettingsChanged(long planId, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "closure.settings-changed";
    }

    @Override
    public String auditObject() {
        return "plan:" + planId;
    }
}
