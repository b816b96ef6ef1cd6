package org.rectify.closure;

import org.jooq.DSLContext;
import org.rectify.plans.TaskSummary;
import org.rectify.supervision.ReminderSchedule;
import org.rectify.supervision.Reminders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.rectify.closure.internal.db.Tables.LOOK_BACK;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK_REMINDER;
import static org.rectify.plans.api.Tables.PLANS_TASK;

/**
 * Look-backs are reminded like any deadline: at the stages of the reminder schedule (default 7, 3, 1 days before the
 * due date and 1, 3, 7 after), each stage once, announced as {@link LookBackDue} for notify to deliver to the
 * checking unit.
 */
@Service
public class LookBackReminders {

    private final DSLContext db;
    private final ReminderSchedule schedule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LookBackReminders(DSLContext db, Reminders reminders, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.schedule = reminders.schedule();
        this.events = events;
        this.clock = clock;
    }

    /** Records and announces every stage reached on {@code today} and not sent before; returns how many. */
    @Transactional
    public int sweep(LocalDate today) {
        int sent = 0;
        for (var r : db.select(LOOK_BACK.ID, LOOK_BACK.TASK_ID, LOOK_BACK.CHECKING_UNIT_ID, LOOK_BACK.DUE_ON,
                        PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT)
                .from(LOOK_BACK).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LOOK_BACK.TASK_ID))
                .where(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name())
                        .and(LOOK_BACK.DUE_ON.between(today.minusDays(schedule.daysBehind()), today.plusDays(schedule.daysAhead()))))
                .orderBy(LOOK_BACK.ID).fetch()) {
            LocalDate due = r.get(LOOK_BACK.DUE_ON);
            var stage = schedule.stage(due, today);
            if (stage.isEmpty()) {
                continue;
            }
            int days = (int) ChronoUnit.DAYS.between(due, today);
            int inserted = db.insertInto(LOOK_BACK_REMINDER).set(LOOK_BACK_REMINDER.LOOK_BACK_ID, r.get(LOOK_BACK.ID))
                    .set(LOOK_BACK_REMINDER.STAGE, stage.get()).set(LOOK_BACK_REMINDER.DAYS, days)
                    .set(LOOK_BACK_REMINDER.SENT_ON, today).onConflictDoNothing().execute();
            if (inserted > 0) {
                sent++;
                events.publishEvent(new LookBackDue(r.get(LOOK_BACK.ID), r.get(LOOK_BACK.TASK_ID), r.get(PLANS_TASK.REF),
                        TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(LOOK_BACK.CHECKING_UNIT_ID),
                        due, days, clock.instant()));
            }
        }
        return sent;
    }
}
