package org.rectify.supervision;

import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.plans.UnitRole;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.RenderedStatements;
import org.rectify.platform.TransactionSetting;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Row5;
import org.jooq.Row9;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.rectify.plans.TaskStatus;
import org.rectify.progress.ReportStandings;
import org.rectify.progress.api.tables.ProgressCycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectDistinct;
import static org.rectify.plans.api.Tables.PLANS_MILESTONE;
import static org.rectify.progress.api.Tables.PROGRESS_CYCLE;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_SETTINGS;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/**
 * Keeps each task's warning level and schedule status up to date: for one task when something happens
 * to it, for all tasks every night (dates move even when nothing happens). Writes only what changed, and
 * records every change of level with its reasons.
 */
@Service
public class Warnings {

    private static final int CHUNK = 1000;
    /** Tasks the nightly pass reassesses in one transaction: the most a single task's reassessment waits for it. */
    static final int BATCH = 1000;
    /**
     * Reading the facts and writing the warning would otherwise race: a listener that read the task before it was
     * closed could write its older level after the close's reassessment wrote NONE (a lost update, seen as a closed
     * task left BLUE). So a reassessment holds its tasks' locks: the advisory lock whose single 64-bit key is the task
     * id (distinct ids never share a key, past 2^31 too; the audit chain's key, "audit" in ASCII, is far beyond any
     * id), and (WARN_ALL, 0) shared. A reassessment of whole plans holds (WARN_ALL, 0) alone, since it reads them all.
     */
    private static final int WARN_ALL = 0x5741524F; // "WARO"

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Plans plans;
    private final TransactionOperations transactions;
    private final RenderedStatements statements;

    Warnings(DSLContext db, ApplicationEventPublisher events, Clock clock, Plans plans, TransactionOperations transactions,
             RenderedStatements statements) {
        this.db = db;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.statements = statements;
    }

    /**
     * Reassesses every task as of {@code today}; returns how many tasks changed level or status. The nightly pass: batch
     * by batch in id order, each batch in a transaction of its own (or the caller's, if there is one) holding the locks
     * of its tasks only, so a notice command or a report reassessing one task meanwhile waits for one batch at most,
     * not for the whole pass (minutes at a million tasks). A task committed behind the pass is reassessed by its own
     * event; one changed after its batch, by the change's.
     */
    public int recomputeAll(LocalDate today) {
        return recomputeAll(today, BATCH);
    }

    int recomputeAll(LocalDate today, int batchSize) {
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            Batch batch = transactions.execute(tx -> recomputeBatch(from, batchSize, today));
            changed += batch.changed();
            if (batch.tasks() < batchSize) {
                return changed;
            }
            after = batch.last();
        }
    }

    private record Batch(int tasks, long last, int changed) {
    }

    /** The next {@code size} tasks after the id {@code after}, locked in id order (as every batch takes them) and reassessed. */
    private Batch recomputeBatch(long after, int size, LocalDate today) {
        lock("pg_advisory_xact_lock_shared", WARN_ALL, 0);
        var next = select(PLANS_TASK.ID).from(PLANS_TASK).where(PLANS_TASK.ID.gt(after)).orderBy(PLANS_TASK.ID).limit(size)
                .asTable("next_tasks");
        Field<Long> id = next.field(PLANS_TASK.ID);
        // the LIMITed subquery is not flattened: only its tasks are locked, in its order
        List<Long> ids = db.select(id, lockOf(id)).from(next).fetch(id);
        if (ids.isEmpty()) {
            return new Batch(0, after, 0);
        }
        // Planned for its own id range each time: a plan kept for the statement (after five runs on a connection) is
        // made for any range, guesses one task, and reruns the plans' last cycles for every milestone (ten times slower).
        TransactionSetting.set(db, "plan_cache_mode", "force_custom_plan");
        return new Batch(ids.size(), ids.get(ids.size() - 1), recompute(Selection.batch(ids), today));
    }

    /**
     * Reassesses the tasks of some plans only: the demo's own when it loads beside a generated province (reassessing
     * the province's tasks, then recounting each one changed, took most of the demo's 22 minutes at a million tasks).
     */
    @Transactional
    public int recomputePlans(Collection<Long> planIds, LocalDate today) {
        lockAll();
        return recompute(Selection.plans(planIds), today);
    }

    /**
     * Reassesses these tasks as of {@code today}, together: tasks created together (a plan published) read and written
     * in a few statements, not a few each. Their locks are taken in id order, as the nightly pass takes them.
     */
    @Transactional
    public int recompute(Collection<Long> taskIds, LocalDate today) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        List<Long> ids = taskIds.stream().distinct().sorted().toList();
        lock("pg_advisory_xact_lock_shared", WARN_ALL, 0);
        // an array's elements come out of unnest in its order: the locks are taken in id order
        Field<Long> id = DSL.field(DSL.name("id"), Long.class);
        db.select(lockOf(id)).from(DSL.unnest(ids.toArray(Long[]::new)).as("ids", "id")).fetch();
        // planned for this batch's id range, as the nightly pass's batches are
        TransactionSetting.set(db, "plan_cache_mode", "force_custom_plan");
        return recompute(Selection.batch(ids), today);
    }

    /** Reassesses one task as of {@code today}. */
    @Transactional
    public int recompute(long taskId, LocalDate today) {
        lock("pg_advisory_xact_lock_shared", WARN_ALL, 0);
        db.select(lockOf(DSL.val(taskId))).fetch();
        return recompute(Selection.task(taskId), today);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Whether a report counted for the cycle {@code cycleId}, due on {@code dueOn}, can change its task's warning
     * today. A report changes one fact only, "report missing", which looks at the plan's last cycle whose grace period
     * ended before today: a cycle not yet due cannot be that one (no query), nor can a cycle still in its grace period
     * or an earlier cycle the unit catches up on. (Asked by the warning triggers as a report is counted: a report it
     * says no to is not reassessed.)
     */
    public boolean reportCanChange(long cycleId, LocalDate dueOn) {
        LocalDate today = today();
        if (!WarningPolicy.reportCanChange(dueOn, today)) {
            return false;
        }
        // asked by nearly every late or catch-up report: rendered once (building it afresh was 9 % of a submission's
        // request CPU in a flight recording, issue 14), today and the cycle bound at each ask
        List<Object> binds = List.of(today, cycleId, cycleId);
        String sql = statements.sqlWithBinds("report-can-change", () -> {
            var cycle = PROGRESS_CYCLE.as("c");
            var last = lastCycles(today, cycle, cycle.PLAN_ID.eq(select(PROGRESS_CYCLE.PLAN_ID).from(PROGRESS_CYCLE)
                    .where(PROGRESS_CYCLE.ID.eq(cycleId))));
            return select(field(exists(selectOne().from(last).where(last.field("cycle_id", Long.class).eq(cycleId)))));
        }, binds);
        return Boolean.TRUE.equals(db.resultQuery(sql, binds.toArray()).fetchOne(0, Boolean.class));
    }

    /** The offices' time zone, the one {@link #today()} is in. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public SupervisionSettings settings(long planId) {
        return db.selectFrom(SUPERVISION_SETTINGS).where(SUPERVISION_SETTINGS.PLAN_ID.eq(planId))
                .fetchOptional(r -> new SupervisionSettings(r.getBlueDays(), r.getReportGraceDays()))
                .orElse(SupervisionSettings.DEFAULT);
    }

    /**
     * The office changes the thresholds of a plan it runs (an administrator of any): "not found" for a plan
     * outside the caller's jurisdiction, refused for other roles, 422 outside the ranges.
     */
    @Transactional
    public SupervisionSettings changeSettings(long planId, SupervisionSettings settings, Caller caller) {
        plans.governed(planId, caller); // a missing plan, or another office's, is "not found"
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("supervision.settingsForbidden");
        }
        if (settings == null || settings.blueDays() < 0 || settings.blueDays() > 365
                || settings.reportGraceDays() < 0 || settings.reportGraceDays() > 90) {
            throw new InvalidInputException(Map.of("blueDays", "supervision.settingsRange"), "supervision.settingsRange");
        }
        store(planId, settings, caller.signature());
        return settings(planId);
    }

    private void store(long planId, SupervisionSettings settings, String actor) {
        db.insertInto(SUPERVISION_SETTINGS).set(SUPERVISION_SETTINGS.PLAN_ID, planId)
                .set(SUPERVISION_SETTINGS.BLUE_DAYS, settings.blueDays())
                .set(SUPERVISION_SETTINGS.REPORT_GRACE_DAYS, settings.reportGraceDays())
                .onConflict(SUPERVISION_SETTINGS.PLAN_ID).doUpdate()
                .set(SUPERVISION_SETTINGS.BLUE_DAYS, settings.blueDays())
                .set(SUPERVISION_SETTINGS.REPORT_GRACE_DAYS, settings.reportGraceDays())
                .execute();
        events.publishEvent(SupervisionChanged.of(actor, "supervision.settings-changed", "plan:" + planId, clock.instant(),
                "blueDays", settings.blueDays(), "reportGraceDays", settings.reportGraceDays()));
        lockAll();
        recompute(Selection.plans(List.of(planId)), today());
    }

    /** Waits for the reassessments of single tasks in flight and holds new ones off until this transaction ends. */
    private void lockAll() {
        lock("pg_advisory_xact_lock", WARN_ALL, 0);
    }

    /** Held until the transaction ends, so the facts read next are those of every reassessment committed before. */
    private void lock(String function, int namespace, int key) {
        db.select(DSL.function(function, SQLDataType.OTHER, DSL.val(namespace), DSL.val(key))).fetch();
    }

    /** A task's lock, held until the transaction ends: its single 64-bit key is the task's id. */
    private static Field<Object> lockOf(Field<Long> taskId) {
        return DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, taskId);
    }

    /**
     * The copies of its task's plan, position and deadline a warning keeps, by which the desk and a figure's ledger
     * order its entries (V44, V77, V80).
     */
    private record TaskCopies(long planId, int position, LocalDate deadline) {
    }

    /** A task's warning as stored, with its {@link TaskCopies}. */
    private record Stored(WarningLevel level, ScheduleStatus status, String reasons, OffsetDateTime since, TaskCopies task) {

        boolean same(Assessment a, String reasons, TaskCopies task) {
            return level == a.level() && status == a.scheduleStatus() && this.reasons.equals(reasons)
                    && this.task.equals(task);
        }
    }

    /**
     * The tasks a reassessment reads, as a condition on each table it reads them from: {@code tasks} on task,
     * {@code warnings} selecting at least their stored warnings, {@code milestones} at least their milestones (a batch's
     * id range, which lets each table be read by index over that range rather than whole); of those read, the ones
     * {@code assessed} (a batch's, locked).
     */
    private record Selection(Condition tasks, Condition warnings, Condition milestones, LongPredicate assessed) {

        static Selection task(long taskId) {
            return new Selection(PLANS_TASK.ID.eq(taskId), TASK_WARNING.TASK_ID.eq(taskId), noCondition(), id -> true);
        }

        /** The stored warnings by the task's plan now, not the warning's copy of it. */
        static Selection plans(Collection<Long> planIds) {
            Condition tasks = PLANS_TASK.PLAN_ID.in(planIds);
            return new Selection(tasks, TASK_WARNING.TASK_ID.in(select(PLANS_TASK.ID).from(PLANS_TASK).where(tasks)),
                    noCondition(), id -> true);
        }

        /**
         * The tasks {@code ids} (ascending), the ones a batch locked, read as their id range: a task committed into the
         * range since is read but not assessed (its own event reassesses it, under its lock).
         */
        static Selection batch(List<Long> ids) {
            long first = ids.get(0);
            long last = ids.get(ids.size() - 1);
            Set<Long> locked = new HashSet<>(ids);
            return new Selection(PLANS_TASK.ID.between(first, last), TASK_WARNING.TASK_ID.between(first, last),
                    PLANS_MILESTONE.TASK_ID.between(first, last), locked::contains);
        }
    }

    /** Reassesses the selected tasks; writes what changed. */
    private int recompute(Selection selection, LocalDate today) {
        Map<Long, WarningPolicy> policies = new HashMap<>();
        db.selectFrom(SUPERVISION_SETTINGS).forEach(s -> policies.put(s.getPlanId(),
                new WarningPolicy(new SupervisionSettings(s.getBlueDays(), s.getReportGraceDays()))));
        WarningPolicy defaults = new WarningPolicy(SupervisionSettings.DEFAULT);

        Map<Long, Stored> stored = new HashMap<>();
        db.selectFrom(TASK_WARNING).where(selection.warnings())
                .forEach(w -> stored.put(w.getTaskId(), new Stored(WarningLevel.valueOf(w.getLevel()),
                        ScheduleStatus.valueOf(w.getScheduleStatus()), w.getReasons(), w.getSince(),
                        new TaskCopies(w.getPlanId(), w.getTaskPosition(), w.getTaskDeadline()))));

        Field<java.time.LocalDate> nextDue = min(PLANS_MILESTONE.DUE_ON).filterWhere(PLANS_MILESTONE.DUE_ON.ge(today)).as("next_due");
        Field<java.time.LocalDate> lastPassed = max(PLANS_MILESTONE.DUE_ON).filterWhere(PLANS_MILESTONE.DUE_ON.lt(today)).as("last_passed");
        Field<Boolean> noticeOverdue = field(exists(selectOne().from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.TASK_ID.eq(PLANS_TASK.ID).and(SUPERVISION_NOTICE.REPLIED_AT.isNull())
                        .and(SUPERVISION_NOTICE.REPLY_BY.lt(today))))).as("notice_overdue");
        Field<Boolean> noticeAnsweredLate = field(exists(selectOne().from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.TASK_ID.eq(PLANS_TASK.ID).and(SUPERVISION_NOTICE.REPLIED_LATE.isTrue())
                        .and(SUPERVISION_NOTICE.REPLIED_AT.ge(today.minusDays(WarningPolicy.LATE_ANSWER_COUNTS)
                                .atStartOfDay(clock.getZone()).toOffsetDateTime()))))).as("notice_answered_late");
        var lastCycles = lastCycles(today);
        Field<Long> lastCycle = lastCycles.field("cycle_id", Long.class);
        Field<Boolean> reportMissing = field(reportMissing(lastCycle)).as("report_missing");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Query> writes = new ArrayList<>();
        List<WarningLevelChanged> changes = new ArrayList<>();
        var upsert = new ArrayList<Row9<Long, String, String, String, LocalDate, OffsetDateTime, Long, Integer, LocalDate>>();
        List<Long> assessed = new ArrayList<>();
        var history = new ArrayList<Row5<Long, OffsetDateTime, String, String, String>>();
        for (Record r : db.select(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.STATUS, PLANS_TASK.DEADLINE, nextDue, lastPassed, noticeOverdue, reportMissing,
                        noticeAnsweredLate)
                .from(PLANS_TASK).leftJoin(PLANS_MILESTONE).on(PLANS_MILESTONE.TASK_ID.eq(PLANS_TASK.ID).and(selection.milestones()))
                .leftJoin(lastCycles).on(lastCycles.field("plan_id", Long.class).eq(PLANS_TASK.PLAN_ID))
                .where(selection.tasks())
                // every task column grouped: a view has no primary key to imply them (PostgreSQL drops them again once it
                // inlines the view onto task)
                .groupBy(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.STATUS, PLANS_TASK.DEADLINE, lastCycle).fetch()) {
            long taskId = r.get(PLANS_TASK.ID);
            if (!selection.assessed().test(taskId)) {
                continue;
            }
            TaskFacts facts = new TaskFacts(TaskStatus.valueOf(r.get(PLANS_TASK.STATUS)), r.get(PLANS_TASK.DEADLINE),
                    r.get(nextDue), r.get(lastPassed), Boolean.TRUE.equals(r.get(noticeOverdue)),
                    Boolean.TRUE.equals(r.get(reportMissing)), Boolean.TRUE.equals(r.get(noticeAnsweredLate)));
            Assessment a = policies.getOrDefault(r.get(PLANS_TASK.PLAN_ID), defaults).assess(facts, today);
            String reasons = a.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
            Stored before = stored.get(taskId);
            TaskCopies task = new TaskCopies(r.get(PLANS_TASK.PLAN_ID), r.get(PLANS_TASK.POSITION), r.get(PLANS_TASK.DEADLINE));
            // a task moved by hand in the database (plans keeps its own copies exact whatever changes them) is put
            // right at its next assessment
            if (before != null && before.same(a, reasons, task)) {
                continue;
            }
            boolean levelChanged = before == null ? a.level() != WarningLevel.NONE : before.level() != a.level();
            OffsetDateTime since = before != null && !levelChanged ? before.since() : now;
            upsert.add(row(taskId, a.level().name(), a.scheduleStatus().name(), reasons, today, since, task.planId(),
                    task.position(), task.deadline()));
            assessed.add(taskId);
            if (levelChanged) {
                WarningLevel from = before == null ? null : before.level();
                history.add(row(taskId, now, from == null ? null : from.name(), a.level().name(), reasons));
                changes.add(new WarningLevelChanged(taskId, from == null ? WarningLevel.NONE : from, a.level(), a.reasons(),
                        now.toInstant()));
            }
        }
        for (int i = 0; i < upsert.size(); i += CHUNK) {
            writes.add(db.insertInto(TASK_WARNING, TASK_WARNING.TASK_ID, TASK_WARNING.LEVEL, TASK_WARNING.SCHEDULE_STATUS,
                            TASK_WARNING.REASONS, TASK_WARNING.ASSESSED_ON, TASK_WARNING.SINCE, TASK_WARNING.PLAN_ID,
                            TASK_WARNING.TASK_POSITION, TASK_WARNING.TASK_DEADLINE)
                    .valuesOfRows(upsert.subList(i, Math.min(i + CHUNK, upsert.size())))
                    .onConflict(TASK_WARNING.TASK_ID).doUpdate()
                    .set(TASK_WARNING.LEVEL, excluded(TASK_WARNING.LEVEL))
                    .set(TASK_WARNING.SCHEDULE_STATUS, excluded(TASK_WARNING.SCHEDULE_STATUS))
                    .set(TASK_WARNING.REASONS, excluded(TASK_WARNING.REASONS))
                    .set(TASK_WARNING.ASSESSED_ON, excluded(TASK_WARNING.ASSESSED_ON))
                    .set(TASK_WARNING.SINCE, excluded(TASK_WARNING.SINCE))
                    .set(TASK_WARNING.PLAN_ID, excluded(TASK_WARNING.PLAN_ID))
                    .set(TASK_WARNING.TASK_POSITION, excluded(TASK_WARNING.TASK_POSITION))
                    .set(TASK_WARNING.TASK_DEADLINE, excluded(TASK_WARNING.TASK_DEADLINE)));
        }
        for (int i = 0; i < history.size(); i += CHUNK) {
            writes.add(db.insertInto(WARNING_CHANGE, WARNING_CHANGE.TASK_ID, WARNING_CHANGE.OCCURRED_AT,
                            WARNING_CHANGE.FROM_LEVEL, WARNING_CHANGE.TO_LEVEL, WARNING_CHANGE.REASONS)
                    .valuesOfRows(history.subList(i, Math.min(i + CHUNK, history.size()))));
        }
        if (!writes.isEmpty()) {
            db.batch(writes).execute();
        }
        changes.forEach(events::publishEvent);
        if (!upsert.isEmpty()) {
            events.publishEvent(new TasksAssessed(assessed, now.toInstant()));
        }
        return upsert.size();
    }

    /** Each plan's last cycle whose grace period ended before {@code today}: one row per plan, joined once. */
    private static Table<Record2<Long, Long>> lastCycles(LocalDate today) {
        var cycle = PROGRESS_CYCLE.as("c");
        return lastCycles(today, cycle, noCondition());
    }

    /**
     * Each plan's last cycle whose grace period ended before today (of the plans {@code plans} selects, on
     * {@code cycle}): the one "report missing" looks at. Of two ending on the same day the later one, so that
     * {@link #reportCanChange} names the same cycle as the reassessment.
     */
    private static Table<Record2<Long, Long>> lastCycles(LocalDate today, ProgressCycle cycle,
                                                         Condition plans) {
        return selectDistinct(cycle.PLAN_ID, cycle.ID).on(cycle.PLAN_ID).from(cycle).where(cycle.GRACE_UNTIL.lt(today).and(plans))
                .orderBy(cycle.PLAN_ID, cycle.GRACE_UNTIL.desc(), cycle.ID.desc()).asTable("last_cycle", "plan_id", "cycle_id");
    }

    /** Some lead unit of the task has no submitted report for that cycle. */
    private static Condition reportMissing(Field<Long> lastCycle) {
        return lastCycle.isNotNull().and(exists(selectOne().from(PLANS_TASK_UNIT)
                .where(PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .andNot(ReportStandings.submitted(lastCycle, PLANS_TASK.ID, PLANS_TASK_UNIT.UNIT_ID))));
    }


}
