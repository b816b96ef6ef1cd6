package org.rectify.supervision.internal;

import org.rectify.plans.TaskTransitioned;
import org.rectify.supervision.AccountabilityProposals;
import org.rectify.supervision.SupervisionLedger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A closed task that relapsed (反弹, a fact of plans whoever found it) goes on the supervision ledger and its lead units
 * are proposed for accountability; its red warning with the reason RELAPSED comes from the warning rules.
 */
@Component
class RelapseSupervision {

    private final SupervisionLedger ledger;
    private final AccountabilityProposals proposals;

    RelapseSupervision(SupervisionLedger ledger, AccountabilityProposals proposals) {
        this.ledger = ledger;
        this.proposals = proposals;
    }

    /** Only a relapse: no other transition keeps a publication for this listener. */
    @ApplicationModuleListener(condition = "#event.relapse()")
    void on(TaskTransitioned event) {
        // a REOPEN always carries its reason (the lifecycle requires one); whoever found the relapse put it on
        ledger.addForRelapse(event.taskId(), event.reason(), event.actor());
        proposals.proposeForLeadUnits(event.taskId(), event.reason());
    }
}
