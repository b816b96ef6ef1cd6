package org.rectify.supervision.internal;

import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.supervision.Warnings;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Reassesses a task at once when something happens to it: its dates, its state. */
@Component
class WarningTriggers {

    private final Warnings warnings;

    WarningTriggers(Warnings warnings) {
        this.warnings = warnings;
    }

    @ApplicationModuleListener
    void on(TaskCreated event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    @ApplicationModuleListener
    void on(TaskEdited event) {
        warnings.recompute(event.taskId(), warnings.today());
    }

    @ApplicationModuleListener
    void on(TaskTransitioned event) {
        warnings.recompute(event.taskId(), warnings.today());
    }
}
