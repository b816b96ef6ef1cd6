package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.notify.Inbox;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.ReminderDue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Delivers reminders: a deadline to the lead units' staff, a report due to the staff of the unit that owes it, a
 * pending approval to that unit's head. Checked again on delivery, so a task closed since the sweep gets nothing.
 */
@Component
class ReminderNotifications {

    private final Inbox inbox;
    private final TaskLedger tasks;
    private final Accounts accounts;

    ReminderNotifications(Inbox inbox, TaskLedger tasks, Accounts accounts) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(ReminderDue reminder) {
        TaskDetail task = tasks.get(reminder.taskId(), DataScope.ALL);
        if (!task.status().isOpen()) {
            return;
        }
        List<Long> recipients = switch (reminder.subject()) {
            case DEADLINE -> accounts.ofUnits(task.leadUnits().stream().map(AssignedUnit::unitId).toList(), Role.UNIT_STAFF);
            case REPORT_DUE -> accounts.ofUnits(List.of(reminder.unitId()), Role.UNIT_STAFF);
            case APPROVAL -> accounts.ofUnits(List.of(reminder.unitId()), Role.UNIT_HEAD);
        };
        String link = reminder.subject() == org.rectify.supervision.ReminderSubject.DEADLINE ? "/tasks/" + task.id() : "/progress/due";
        inbox.deliver(recipients, "REMINDER_" + reminder.subject(), "reminder:" + reminder.reminderId(), link,
                messageKey(reminder), task.ref(), task.displayTitle(), reminder.targetDate().toString(),
                String.valueOf(Math.abs(reminder.days())));
    }

    /** e.g. notify.reminder.DEADLINE.ahead, notify.reminder.REPORT_DUE.today, notify.reminder.APPROVAL.behind */
    static String messageKey(ReminderDue reminder) {
        String when = reminder.days() < 0 ? "ahead" : reminder.days() == 0 ? "today" : "behind";
        return "notify.reminder." + reminder.subject() + "." + when;
    }
}
