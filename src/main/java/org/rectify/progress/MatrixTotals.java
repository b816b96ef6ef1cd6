package org.rectify.progress;

import org.rectify.plans.PlanOwnerChanged;
import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.platform.KeptTotals;
import org.rectify.units.UnitsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The progress matrix's large figures (a cycle's cells counted by unit and state, the number of its task rows), kept
 * until a report or a task changes on this node, or the unit tree does ({@link KeptTotals}).
 */
@Component
class MatrixTotals {

    private final KeptTotals totals = new KeptTotals();

    KeptTotals totals() {
        return totals;
    }

    @EventListener({ReportDrafted.class, ReportEdited.class, ReportSubmitted.class, ReportApproved.class,
            ReportReturned.class, ReportSentBack.class, ReportSentForApproval.class, ReportContributed.class,
            ReportingCadenceSet.class, TaskCreated.class, TaskEdited.class, TaskTransitioned.class, PlanOwnerChanged.class,
            UnitsChanged.class})
    void changed() {
        totals.changed();
    }
}
