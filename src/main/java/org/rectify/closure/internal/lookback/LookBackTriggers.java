package org.rectify.closure.internal.lookback;

import org.rectify.closure.LookBackScheduling;
import org.rectify.closure.LookBacks;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskTransitioned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A task's closing schedules its look-backs; a closed task leaving CLOSED (a relapse, a reopening) withdraws the ones
 * still pending: there is nothing closed left to look back on until it closes again.
 */
@Component
class LookBackTriggers {

    private final LookBackScheduling scheduling;
    private final LookBacks lookBacks;
    private final Clock clock;

    LookBackTriggers(LookBackScheduling scheduling, LookBacks lookBacks, Clock clock) {
        this.scheduling = scheduling;
        this.lookBacks = lookBacks;
        this.clock = clock;
    }

    /** Only a step into or out of CLOSED: no other transition keeps a publication for this listener. */
    @ApplicationModuleListener(condition = "#event.to().name() == 'CLOSED' or #event.from().name() == 'CLOSED'")
    void on(TaskTransitioned event) {
        if (event.to() == TaskStatus.CLOSED) {
            scheduling.scheduleAfterClosing(event.taskId(), event.occurredAt().atZone(clock.getZone()).toLocalDate());
        } else if (event.from() == TaskStatus.CLOSED) {
            lookBacks.withdrawPending(event.taskId());
        }
    }
}
