package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Row8;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.UnitRole;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.progress.ReportStandings;
import org.rectify.progress.ReportingCycles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.rectify.plans.api.Tables.PLANS_MILESTONE;
import static org.rectify.supervision.internal.db.Tables.REMINDER;
import static org.rectify.progress.api.Tables.PROGRESS_CYCLE;
import static org.rectify.progress.api.Tables.PROGRESS_SLOT_STATE;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The daily reminder sweep: which deadlines, report due dates and pending approvals have reached a stage of the
 * {@link ReminderSchedule} today, recorded once each and announced as {@link ReminderDue} for notify to deliver.
 * Closed, cancelled and draft tasks get nothing; a task waiting for its closure review gets no deadline reminder.
 */
@Service
public class Reminders {

    private static final int CHUNK = 1000;
    /** Tasks still being worked on: these are reminded of their deadlines. */
    private static final List<String> WORKED_ON = names(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.REOPENED);
    /** Tasks that still report each cycle, as progress counts them. */
    private static final List<String> REPORTING = names(ReportingCycles.REPORTING.toArray(TaskStatus[]::new));

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReminderSchedule schedule;

    Reminders(DSLContext db, ApplicationEventPublisher events, Clock clock,
              @Value("${rectify.reminders.before:7,3,1}") String before,
              @Value("${rectify.reminders.after:1,3,7}") String after) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.schedule = new ReminderSchedule(days(before), days(after));
    }

    public ReminderSchedule schedule() {
        return schedule;
    }

    /** Records and announces every reminder stage reached on {@code today} that was not sent before; returns how many. */
    @Transactional
    public int sweep(LocalDate today) {
        return sweep(today, noCondition());
    }

    /**
     * The sweep over some plans' tasks only: the demo's own plans when it loads beside a generated province (whose
     * reminders are the morning sweep's), and tests that move the day without reminding every other plan.
     */
    @Transactional
    public int sweep(LocalDate today, Collection<Long> planIds) {
        return sweep(today, PLANS_TASK.PLAN_ID.in(planIds));
    }

    @Transactional
    int sweep(LocalDate today, long planId) {
        return sweep(today, List.of(planId));
    }

    private int sweep(LocalDate today, Condition tasks) {
        List<Candidate> due = new ArrayList<>();
        deadlines(today, tasks, due);
        reports(today, tasks, due);
        approvals(today, tasks, due);
        Set<Stage> recorded = alreadySent(today, tasks);
        due.removeIf(c -> recorded.contains(c.key())); // most stages were reached on an earlier morning: skip them cheaply
        // the same order on every node, so two sweeps at once wait for each other instead of deadlocking
        due.sort(Comparator.comparing(Candidate::subject).thenComparing(Candidate::taskId)
                .thenComparing(c -> c.unitId() == null ? 0L : c.unitId()).thenComparing(Candidate::target));
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int sent = 0;
        for (int i = 0; i < due.size(); i += CHUNK) {
            var rows = new ArrayList<Row8<String, Long, Long, LocalDate, Integer, Integer, LocalDate, OffsetDateTime>>();
            for (Candidate c : due.subList(i, Math.min(i + CHUNK, due.size()))) {
                rows.add(row(c.subject().name(), c.taskId(), c.unitId(), c.target(), c.stage(), c.days(), today, now));
            }
            // a stage already recorded (an earlier run, another node) conflicts and is skipped: it went out once
            var inserted = db.insertInto(REMINDER, REMINDER.SUBJECT, REMINDER.TASK_ID, REMINDER.UNIT_ID, REMINDER.TARGET_DATE,
                            REMINDER.STAGE, REMINDER.DAYS, REMINDER.SENT_ON, REMINDER.CREATED_AT)
                    .valuesOfRows(rows).onConflictDoNothing().returning().fetch();
            for (var r : inserted) {
                events.publishEvent(new ReminderDue(r.getId(), ReminderSubject.valueOf(r.getSubject()), r.getTaskId(),
                        r.getUnitId(), r.getTargetDate(), r.getDays(), now.toInstant()));
            }
            sent += inserted.size();
        }
        return sent;
    }

    /** Reminders sent on tasks in the caller's scope (of one task, if given), newest first. */
    @Transactional(readOnly = true)
    public ListPage<Reminder> sent(Long taskId, DataScope scope, Paging paging) {
        Condition which = TaskConditions.PUBLISHED.visibleTo(scope).and(taskId == null ? noCondition() : REMINDER.TASK_ID.eq(taskId));
        long total = db.fetchCount(db.selectOne().from(REMINDER).join(PLANS_TASK).on(PLANS_TASK.ID.eq(REMINDER.TASK_ID)).where(which));
        return paging.fetch(total, p -> db.select(REMINDER.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, UNITS_DIRECTORY.NAME)
                .from(REMINDER).join(PLANS_TASK).on(PLANS_TASK.ID.eq(REMINDER.TASK_ID)).leftJoin(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(REMINDER.UNIT_ID))
                .where(which)
                .orderBy(REMINDER.CREATED_AT.desc(), REMINDER.ID.desc()).limit(p.size()).offset(p.offset())
                .fetch(r -> new Reminder(r.get(REMINDER.ID), ReminderSubject.valueOf(r.get(REMINDER.SUBJECT)), r.get(REMINDER.TASK_ID),
                        r.get(PLANS_TASK.REF), TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(UNITS_DIRECTORY.NAME),
                        r.get(REMINDER.TARGET_DATE), r.get(REMINDER.STAGE), r.get(REMINDER.DAYS), r.get(REMINDER.SENT_ON))));
    }

    /** A stage due, and how many days from its target it is today. */
    private record Candidate(ReminderSubject subject, long taskId, Long unitId, LocalDate target, int stage, int days) {
        Stage key() {
            return new Stage(subject, taskId, unitId, target, stage);
        }
    }

    /** What makes a reminder unique: it goes out once per stage. */
    private record Stage(ReminderSubject subject, long taskId, Long unitId, LocalDate target, int stage) {
    }

    /** The stages already recorded for targets the sweep of {@code today} can reach. */
    private Set<Stage> alreadySent(LocalDate today, Condition tasks) {
        return new HashSet<>(db.select(REMINDER.SUBJECT, REMINDER.TASK_ID, REMINDER.UNIT_ID, REMINDER.TARGET_DATE, REMINDER.STAGE)
                .from(REMINDER).join(PLANS_TASK).on(PLANS_TASK.ID.eq(REMINDER.TASK_ID))
                .where(tasks).and(REMINDER.TARGET_DATE.between(today.minusDays(schedule.daysBehind() + 1L),
                        today.plusDays(schedule.daysAhead())))
                .fetch(r -> new Stage(ReminderSubject.valueOf(r.value1()), r.value2(), r.value3(), r.value4(), r.value5())));
    }

    /** Milestones ahead, and the final deadline ahead or behind (a milestone has no "done" of its own yet). */
    private void deadlines(LocalDate today, Condition tasks, List<Candidate> due) {
        LocalDate ahead = today.plusDays(schedule.daysAhead());
        Map<Long, Map<LocalDate, Boolean>> targets = new LinkedHashMap<>();
        db.select(PLANS_TASK.ID, PLANS_TASK.DEADLINE).from(PLANS_TASK)
                .where(tasks).and(PLANS_TASK.STATUS.in(WORKED_ON).and(PLANS_TASK.DEADLINE.between(today.minusDays(schedule.daysBehind()), ahead)))
                .forEach(r -> targets.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), true));
        db.select(PLANS_MILESTONE.TASK_ID, PLANS_MILESTONE.DUE_ON).from(PLANS_MILESTONE).join(PLANS_TASK).on(PLANS_TASK.ID.eq(PLANS_MILESTONE.TASK_ID))
                .where(tasks).and(PLANS_TASK.STATUS.in(WORKED_ON).and(PLANS_MILESTONE.DUE_ON.between(today, ahead)))
                .forEach(r -> targets.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).putIfAbsent(r.value2(), false));
        targets.forEach((taskId, dates) -> dates.forEach((target, isFinal) ->
                schedule.stage(target, today).filter(stage -> stage < 0 || isFinal)
                        .ifPresent(stage -> due.add(candidate(ReminderSubject.DEADLINE, taskId, null, target, stage, today)))));
    }

    /** Each lead unit's report for a cycle due around today, while it is neither submitted nor waiting for approval. */
    private void reports(LocalDate today, Condition tasks, List<Candidate> due) {
        for (Record r : db.select(PROGRESS_CYCLE.DUE_ON, PLANS_TASK.ID, PLANS_TASK_UNIT.UNIT_ID).from(PROGRESS_CYCLE)
                .join(PLANS_TASK).on(PLANS_TASK.PLAN_ID.eq(PROGRESS_CYCLE.PLAN_ID))
                .join(PLANS_TASK_UNIT).on(PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .where(PROGRESS_CYCLE.DUE_ON.between(today.minusDays(schedule.daysBehind()), today.plusDays(schedule.daysAhead())))
                .and(tasks).and(PLANS_TASK.STATUS.in(REPORTING))
                .andNot(ReportStandings.handedIn(PROGRESS_CYCLE.ID, PLANS_TASK.ID, PLANS_TASK_UNIT.UNIT_ID))
                .fetch()) {
            LocalDate target = r.get(PROGRESS_CYCLE.DUE_ON);
            schedule.stage(target, today).ifPresent(stage ->
                    due.add(candidate(ReminderSubject.REPORT_DUE, r.get(PLANS_TASK.ID), r.get(PLANS_TASK_UNIT.UNIT_ID), target, stage, today)));
        }
    }

    /** Reports waiting for their unit head's approval since a day the "after" stages count from. */
    private void approvals(LocalDate today, Condition tasks, List<Candidate> due) {
        OffsetDateTime since = today.minusDays(schedule.daysBehind() + 1L).atStartOfDay(clock.getZone()).toOffsetDateTime();
        var slot = PROGRESS_SLOT_STATE;
        for (Record r : db.select(slot.TASK_ID, slot.UNIT_ID, slot.UPDATED_AT).from(slot)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(slot.TASK_ID))
                .where(tasks).and(slot.AWAITING_APPROVAL.isTrue().and(PLANS_TASK.STATUS.in(REPORTING))
                        .and(slot.UPDATED_AT.ge(since)))
                .fetch()) {
            LocalDate target = r.get(slot.UPDATED_AT).atZoneSameInstant(clock.getZone()).toLocalDate();
            schedule.stage(target, today).filter(stage -> stage > 0).ifPresent(stage ->
                    due.add(candidate(ReminderSubject.APPROVAL, r.get(slot.TASK_ID), r.get(slot.UNIT_ID),
                            target, stage, today)));
        }
    }

    private static Candidate candidate(ReminderSubject subject, long taskId, Long unitId, LocalDate target, int stage,
                                       LocalDate today) {
        return new Candidate(subject, taskId, unitId, target, stage, (int) ChronoUnit.DAYS.between(target, today));
    }

    private static List<Integer> days(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private static List<String> names(TaskStatus... statuses) {
        return Arrays.stream(statuses).map(Enum::name).toList();
    }
}
