package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.ReminderDue;
import org.rectify.supervision.ReminderSubject;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Delivers reminders on every channel: a deadline to the lead units' staff and the task's responsible person, a report
 * due to the staff of the unit that owes it (and the responsible person, if theirs), a pending approval to that
 * unit's head. The dispatcher checks the task again, so a task closed since the sweep gets nothing.
 */
@Component
class ReminderNotifications {

    private final Dispatcher dispatcher;
    private final PlanShortNames shortNames;
    private final TaskLedger tasks;
    private final Accounts accounts;

    ReminderNotifications(Dispatcher dispatcher, TaskLedger tasks, Accounts accounts, PlanShortNames shortNames) {
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.accounts = accounts;
        this.shortNames = shortNames;
    }

    @ApplicationModuleListener
    void on(ReminderDue reminder) {
        TaskDetail task = tasks.get(reminder.taskId(), DataScope.ALL);
        List<Long> units = reminder.unitId() == null ? task.leadUnitIds()
                : List.of(reminder.unitId());
        Long responsible = task.responsible() != null && (reminder.unitId() == null
                || Objects.equals(task.responsible().unitId(), reminder.unitId())) ? task.responsiblePersonId() : null;
        Audience audience = switch (reminder.subject()) {
            case DEADLINE, REPORT_DUE -> Audience.accounts(accounts.ofUnits(units, Role.UNIT_STAFF)).andPerson(responsible);
            case APPROVAL -> Audience.accounts(accounts.ofUnits(units, Role.UNIT_HEAD));
        };
        String link = reminder.subject() == ReminderSubject.DEADLINE ? "/tasks/" + task.id() : "/progress/due";
        dispatcher.dispatch(audience.concerning(units), Outgoing.about(task.id(), "REMINDER_" + reminder.subject(),
                "reminder:" + reminder.reminderId(), link, messageKey(reminder), shortNames.label(task.id(), task.ref()), task.displayTitle(),
                reminder.targetDate().toString(), String.valueOf(Math.abs(reminder.days()))));
    }

    /** e.g. notify.reminder.DEADLINE.ahead, notify.reminder.REPORT_DUE.today, notify.reminder.APPROVAL.behind */
    static String messageKey(ReminderDue reminder) {
        String when = reminder.days() < 0 ? "ahead" : reminder.days() == 0 ? "today" : "behind";
        return "notify.reminder." + reminder.subject() + "." + when;
    }
}
