package org.rectify.supervision.internal;

import org.rectify.plans.PlanOwnerChanged;
import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.platform.KeptTotals;
import org.rectify.supervision.NoticeIssued;
import org.rectify.supervision.TasksAssessed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The totals of supervision's lists (notices, the warnings desk's counts per level), kept while large until a notice
 * is issued, a task is assessed again, or a task changes (its units, so the scopes that read it) on this node.
 */
@Component
public class SupervisionTotals {

    private final KeptTotals totals = new KeptTotals();

    public KeptTotals totals() {
        return totals;
    }

    @EventListener({NoticeIssued.class, TasksAssessed.class, TaskCreated.class, TaskEdited.class, TaskTransitioned.class,
            PlanOwnerChanged.class})
    void changed() {
        totals.changed();
    }
}
