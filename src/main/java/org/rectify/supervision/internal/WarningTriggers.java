package org.rectify.supervision.internal;

import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.progress.ReportSubmitted;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.Warnings;
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

    @ApplicationModuleListener
    void on(TaskCreated event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    @ApplicationModuleListener
    void on(TaskEdited event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    /**
     * A report in clears "report missing", which looks at the plan's last cycle whose grace period is over. A report on
     * any other cycle (not yet due, in its grace period, or an earlier one caught up on) cannot change a warning and is
     * not even handed to this listener: the condition is checked as the event is published, so the event publication
     * registry writes no row for it and no transaction follows the report's commit to mark one processing and
     * completed (two commits with their fsyncs, and a thread, for nothing). The nightly reassessment still sees every
     * task.
     */
    @ApplicationModuleListener(condition = "@warnings.reportCanChange(#event.cycleId(), #event.dueOn())")
    void on(ReportSubmitted event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    @ApplicationModuleListener
    void on(TaskTransitioned event) {
        warnings.recompute(event.taskId(), warnings.today());
        if (!event.to().isOpen()) {
            ledger.resolve(event.taskId(), event.to(), event.occurredAt()); // 挂账 until closed
        }
    }
}
