package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.Role;
import org.rectify.closure.LookBackDue;
import org.rectify.plans.PlanShortNames;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reminds the checking unit of a look-back's due date on every channel: its staff, heads and office, naming the task
 * as the other reminders do (the plan's short name before its ref). Not "about" the task for the dispatcher, whose
 * closed-task rule would drop it: a look-back is precisely about a closed task.
 */
@Component
class LookBackNotifications {

    private final Dispatcher dispatcher;
    private final Accounts accounts;
    private final PlanShortNames shortNames;

    LookBackNotifications(Dispatcher dispatcher, Accounts accounts, PlanShortNames shortNames) {
        this.dispatcher = dispatcher;
        this.accounts = accounts;
        this.shortNames = shortNames;
    }

    @ApplicationModuleListener
    void on(LookBackDue due) {
        List<Long> units = List.of(due.checkingUnitId());
        String when = due.days() < 0 ? "ahead" : due.days() == 0 ? "today" : "behind";
        dispatcher.dispatch(Audience.accounts(accounts.ofUnits(units, Role.OFFICE, Role.SUPERVISOR, Role.UNIT_HEAD, Role.UNIT_STAFF))
                        .concerning(units),
                Outgoing.of("REMINDER_LOOK_BACK", "look-back-reminder:" + due.lookBackId() + ":" + due.days(),
                        "/closure/look-backs/" + due.lookBackId(), "notify.reminder.LOOK_BACK." + when,
                        shortNames.label(due.taskId(), due.taskRef()),
                        due.taskTitle(), due.dueOn().toString(), String.valueOf(Math.abs(due.days()))));
    }
}
