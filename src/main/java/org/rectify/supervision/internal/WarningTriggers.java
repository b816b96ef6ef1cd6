package org.rectify.supervision.internal;

import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.plans.TasksCreated;
import org.rectify.progress.ReportSubmitted;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.Warnings;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Reassesses a task at once when something happens to it, and takes it off the ledger when it is closed. */
@Component
class WarningTriggers {

    private final Warnings warnings;
    private final SupervisionLedger ledger;

    WarningTriggers(Warnings warnings, SupervisionLedger ledger) {
        this.warnings = warnings;
        this.ledger = ledger;
    }

    /** Tasks created together (and assigned then) are assessed together, in one transaction. */
    @ApplicationModuleListener
    void on(TasksCreated event) {
        warnings.recompute(event.taskIds(), warnings.today());
    }

    @ApplicationModuleListener
    void on(TaskEdited event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    /**
     * A report in clears "report missing", which looks at the plan's last cycle whose grace period is over. A report on
     * any other cycle (not yet due, in its grace period, or an earlier one caught up on) cannot change a warning and is
     * left alone. A report on that last cycle is reassessed at once, in the report's own transaction (a synchronous
     * listener, not the event publication registry): one task's recomputation is a few statements, and run here the
     * warning commits with the report or not at all, with no publication row and no transactions after the commit to
     * mark it processing and completed. (Checked here, not as the listener's condition, which the event multicaster
     * evaluated a second time.) A first report that starts its task is reassessed again when the start's own event is
     * handed over. The nightly reassessment still sees every task. Whether the cycle is that last one comes with the
     * event when the command read it beside the cycle (a first report: no statement of its own here), else it is asked.
     */
    @EventListener
    void on(ReportSubmitted event) {
        boolean canChange = event.lastEnded() != null ? event.lastEnded()
                : warnings.reportCanChange(event.cycleId(), event.dueOn());
        if (canChange) {
            warnings.recompute(event.taskId(), warnings.today());
        }
    }

    /** Not an assignment given at creation: its batch's {@link TasksCreated} has the task assessed. */
    @ApplicationModuleListener(condition = "!#event.atCreation()")
    void on(TaskTransitioned event) {
        warnings.recompute(event.taskId(), warnings.today());
        if (!event.to().isOpen()) {
            ledger.resolve(event.taskId(), event.to(), event.occurredAt()); // 挂账 until closed
        }
    }
}
