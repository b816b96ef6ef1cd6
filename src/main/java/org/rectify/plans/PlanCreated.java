package org.rectify.plans;

import org.rectify.platform.Audited;

/** A plan (or the inspection it answers) was created; the audit chain names the signed-in account. */
public record PlanCreated(String kind, long id, String title, Long ownerUnitId) implements Audited {

    @Override
    public String actor() {
        return null;
    }

    @Override
    public String auditAction() {
        return kind + ".created";
    }

    @Override
    public String auditObject() {
        return kind + ":" + id;
    }
}
