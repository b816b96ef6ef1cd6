package org.rectify.intake;

import org.rectify.platform.Audited;

/** A reviewed draft was published into the ledger: {@code created} new tasks, {@code alreadyPresent} skipped. */
public record PlanPublished(long planId, int created, int alreadyPresent, String actor)
        implements Audited {

    @Override
    public String auditAction() {
        return "plan.published";
    }

    @Override
    public String auditObject() {
        return "plan:" + planId;
    }
}
