package org.rectify.plans;

import org.rectify.platform.Audited;

/**
 * The office running a plan changed: the reach of its tasks (the offices that see and govern them) follows in the
 * database; read models keyed by it (insight's kept counts) count the plan's tasks again.
 */
public record PlanOwnerChanged(long planId, Long formerOwnerUnitId, long ownerUnitId, String actor) implements Audited {

    @Override
    public String auditAction() {
        return "plan.ownerChanged";
    }

    @Override
    public String auditObject() {
        return "plan:" + planId;
    }
}
