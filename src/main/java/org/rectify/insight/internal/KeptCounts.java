package org.rectify.insight.internal;

import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Row4;
import org.jooq.Table;
import org.rectify.platform.RenderedStatements;
import org.rectify.insight.internal.db.tables.records.InsightCountRecord;
import org.rectify.insight.internal.db.tables.records.InsightDeadlineRecord;
import org.rectify.insight.internal.db.tables.records.InsightMonthRecord;
import org.rectify.insight.internal.db.tables.records.InsightOwedRecord;
import org.rectify.insight.internal.db.tables.records.InsightSlotRecord;
import org.rectify.insight.internal.db.tables.records.InsightWeekRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;
import static org.rectify.insight.internal.db.Tables.INSIGHT_COUNT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_DEADLINE;
import static org.rectify.insight.internal.db.Tables.INSIGHT_MONTH;
import static org.rectify.insight.internal.db.Tables.INSIGHT_OWED;
import static org.rectify.insight.internal.db.Tables.INSIGHT_SLOT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK_SLOT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK_UNIT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_WEEK;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.progress.api.Tables.PROGRESS_CYCLE;

/**
 * The dashboard's counts kept ready: each task's {@link TaskTally} stored, and its dimensions counted under every scope
 * key that sees it ({@code insight_count}; {@code insight_month} for the burn-up, {@code insight_deadline} for the end
 * of 序时进度, {@code insight_week} for the warning trend; {@code insight_owed} and {@code insight_slot} for the
 * reporting ranking, under the keys that read each lead unit's reporting). A change of tasks takes away their
 * old tallies and adds the new ones, in the transaction that changed them; {@link #rebuild} counts everything afresh.
 */
@Component
class KeptCounts {

    private static final int CHUNK = 1_000;
    /** Tasks a command counts anew at most (one, or a few it touches together); more are a batch's. */
    static final int COMMAND_TASKS = 16;

    private final DSLContext db;
    private final TallySource source;
    private final KeptSumsRecount recount;
    private final RenderedStatements statements;
    /** Whether this node has found the counts complete or built them (until then the dashboard counts live). */
    private volatile boolean ready;

    KeptCounts(DSLContext db, TallySource source, KeptSumsRecount recount, RenderedStatements statements) {
        this.db = db;
        this.source = source;
        this.recount = recount;
        this.statements = statements;
    }

    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** The tasks of a plan as last counted. */
    List<Long> tasksOfPlan(long planId) {
        return db.select(INSIGHT_TASK.TASK_ID).from(INSIGHT_TASK).where(INSIGHT_TASK.PLAN_ID.eq(planId)).fetch(INSIGHT_TASK.TASK_ID);
    }

    /** Counts the tasks anew as the tables hold them now (a task gone is taken away). */
    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(Collection<Long> taskIds) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(taskIds));
        if (ids.isEmpty()) {
            return;
        }
        for (int i = 0; i < ids.size(); i += CHUNK) {
            refreshChunk(ids.subList(i, Math.min(i + CHUNK, ids.size())));
        }
    }

    private void refreshChunk(List<Long> ids) {
        // a row for each task first, then locked, in id order: two transactions counting the same task take turns
        var placeholders = db.insertInto(INSIGHT_TASK, INSIGHT_TASK.TASK_ID, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION,
                INSIGHT_TASK.ITEM, INSIGHT_TASK.STATUS, INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL, INSIGHT_TASK.KEYS);
        ids.forEach(id -> placeholders.values(id, 0L, "", "", "", "", "", new String[0]));
        placeholders.onConflictDoNothing().execute();
        Map<Long, TaskTally> before = stored(ids);
        Map<Long, TaskTally> now = new HashMap<>();
        source.of(ids).forEach(t -> now.put(t.taskId(), t));
        Delta delta = new Delta();
        List<Query> writes = new ArrayList<>();
        List<TaskTally> changed = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (Long id : ids) {
            TaskTally old = before.get(id);
            TaskTally current = now.get(id);
            if (Objects.equals(old, current)) {
                continue;
            }
            if (old != null) {
                delta.add(old, -1);
            }
            if (current == null) {
                gone.add(id);
            } else {
                delta.add(current, 1);
                changed.add(current);
            }
        }
        List<Long> replaced = new ArrayList<>(gone);
        changed.forEach(t -> replaced.add(t.taskId()));
        if (!replaced.isEmpty()) {
            writes.add(db.deleteFrom(INSIGHT_TASK_UNIT).where(INSIGHT_TASK_UNIT.TASK_ID.in(replaced)));
            writes.add(db.deleteFrom(INSIGHT_TASK_SLOT).where(INSIGHT_TASK_SLOT.TASK_ID.in(replaced)));
        }
        if (!changed.isEmpty()) {
            writes.addAll(store(changed));
        }
        if (!gone.isEmpty()) {
            writes.add(db.deleteFrom(INSIGHT_TASK).where(INSIGHT_TASK.TASK_ID.in(gone)));
        }
        // a batch of tasks (a plan's publication, a recomputation): the sums as arrays, each statement with its values
        // bound; a command's few tasks as before, one JDBC batch of statements with their values inlined
        boolean batch = ids.size() > COMMAND_TASKS;
        writes.addAll(delta.writes(db, batch));
        if (batch) {
            writes.forEach(Query::execute);
        } else if (!writes.isEmpty()) {
            db.batch(writes).execute();
        }
    }

    /**
     * Every count afresh from the source tables; refreshes meanwhile wait (the table lock) and then apply to it. Each
     * task's tally is stored a chunk at a time, then the sums are counted from the stored tallies in SQL (set-based):
     * what the tasks' deltas in {@link #refresh} add up to.
     */
    @Transactional
    int rebuild() {
        db.execute("lock table insight_task in exclusive mode");
        for (var table : List.of(INSIGHT_COUNT, INSIGHT_MONTH, INSIGHT_DEADLINE, INSIGHT_WEEK, INSIGHT_OWED, INSIGHT_SLOT,
                INSIGHT_TASK_UNIT, INSIGHT_TASK_SLOT, INSIGHT_TASK)) {
            db.deleteFrom(table).execute();
        }
        List<TaskTally> rows = new ArrayList<>();
        int[] tasks = {0};
        source.all(t -> {
            rows.add(t);
            tasks[0]++;
            if (rows.size() >= CHUNK) {
                db.batch(store(rows)).execute();
                rows.clear();
            }
        });
        if (!rows.isEmpty()) {
            db.batch(store(rows)).execute();
        }
        recount.countAll();
        return tasks[0];
    }

    /** Whether the kept counts miss tasks or count some no longer there: none kept yet, or a different number. */
    @Transactional(readOnly = true)
    boolean stale() {
        int tasks = db.fetchCount(PLANS_TASK);
        Long kept = db.select(sum(INSIGHT_COUNT.TASKS)).from(INSIGHT_COUNT).where(INSIGHT_COUNT.SCOPE_KEY.eq(TaskTally.ALL))
                .fetchOne(0, Long.class);
        return db.fetchCount(INSIGHT_TASK) != tasks || (kept == null ? 0 : kept) != tasks;
    }

    /**
     * The tallies as stored rows, replacing any there (their lead units and reports: rows no longer there are deleted
     * first): one statement per table for a chunk (a statement per task took minutes at province scale when the counts
     * were rebuilt).
     */
    private List<Query> store(List<TaskTally> tallies) {
        var rows = db.insertInto(INSIGHT_TASK, INSIGHT_TASK.TASK_ID, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM,
                INSIGHT_TASK.STATUS, INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL, INSIGHT_TASK.DUE_MONTH, INSIGHT_TASK.CLOSED_MONTH,
                INSIGHT_TASK.KEYS, INSIGHT_TASK.DEADLINE, INSIGHT_TASK.LEVEL_WEEKS);
        tallies.forEach(t -> rows.values(t.taskId(), t.planId(), t.section(), t.item(), t.status(), t.schedule(), t.level(), t.dueMonth(),
                t.closedMonth(), t.keys().toArray(String[]::new), t.deadline(), t.levelWeeks().toArray(String[]::new)));
        List<Query> writes = new ArrayList<>();
        writes.add(rows.onConflict(INSIGHT_TASK.TASK_ID).doUpdate()
                .set(INSIGHT_TASK.PLAN_ID, excluded(INSIGHT_TASK.PLAN_ID)).set(INSIGHT_TASK.SECTION, excluded(INSIGHT_TASK.SECTION))
                .set(INSIGHT_TASK.ITEM, excluded(INSIGHT_TASK.ITEM))
                .set(INSIGHT_TASK.STATUS, excluded(INSIGHT_TASK.STATUS)).set(INSIGHT_TASK.SCHEDULE, excluded(INSIGHT_TASK.SCHEDULE))
                .set(INSIGHT_TASK.LEVEL, excluded(INSIGHT_TASK.LEVEL)).set(INSIGHT_TASK.DUE_MONTH, excluded(INSIGHT_TASK.DUE_MONTH))
                .set(INSIGHT_TASK.CLOSED_MONTH, excluded(INSIGHT_TASK.CLOSED_MONTH)).set(INSIGHT_TASK.KEYS, excluded(INSIGHT_TASK.KEYS))
                .set(INSIGHT_TASK.DEADLINE, excluded(INSIGHT_TASK.DEADLINE)).set(INSIGHT_TASK.LEVEL_WEEKS, excluded(INSIGHT_TASK.LEVEL_WEEKS)));
        var leads = db.insertInto(INSIGHT_TASK_UNIT, INSIGHT_TASK_UNIT.TASK_ID, INSIGHT_TASK_UNIT.UNIT_ID, INSIGHT_TASK_UNIT.PLAN_ID,
                INSIGHT_TASK_UNIT.KEYS);
        var slots = db.insertInto(INSIGHT_TASK_SLOT, INSIGHT_TASK_SLOT.TASK_ID, INSIGHT_TASK_SLOT.UNIT_ID, INSIGHT_TASK_SLOT.CYCLE_ID,
                INSIGHT_TASK_SLOT.LATE);
        boolean[] any = {false, false};
        for (TaskTally t : tallies) {
            for (TaskTally.Lead l : t.leads()) {
                leads.values(t.taskId(), l.unitId(), t.planId(), l.keys().toArray(String[]::new));
                any[0] = true;
            }
            for (TaskTally.Submitted r : t.submitted()) {
                slots.values(t.taskId(), r.unitId(), r.cycleId(), r.late());
                any[1] = true;
            }
        }
        if (any[0]) {
            writes.add(leads);
        }
        if (any[1]) {
            writes.add(slots);
        }
        return writes;
    }

    /**
     * The tallies last counted for the tasks, with their lead units and reports: the tasks' rows locked first, so that
     * what is read after them is what the transaction counting the same task before this one committed.
     */
    private Map<Long, TaskTally> stored(List<Long> ids) {
        var tasks = db.selectFrom(INSIGHT_TASK).where(INSIGHT_TASK.TASK_ID.in(ids)).orderBy(INSIGHT_TASK.TASK_ID).forUpdate().fetch();
        Map<Long, List<TaskTally.Lead>> leads = new HashMap<>();
        db.selectFrom(INSIGHT_TASK_UNIT).where(INSIGHT_TASK_UNIT.TASK_ID.in(ids)).forEach(r -> leads
                .computeIfAbsent(r.getTaskId(), k -> new ArrayList<>()).add(new TaskTally.Lead(r.getUnitId(), List.of(r.getKeys()))));
        Map<Long, List<TaskTally.Submitted>> slots = new HashMap<>();
        db.selectFrom(INSIGHT_TASK_SLOT).where(INSIGHT_TASK_SLOT.TASK_ID.in(ids)).forEach(r -> slots
                .computeIfAbsent(r.getTaskId(), k -> new ArrayList<>()).add(new TaskTally.Submitted(r.getUnitId(), r.getCycleId(), r.getLate())));
        Map<Long, TaskTally> before = new HashMap<>();
        tasks.forEach(r -> before.put(r.getTaskId(), new TaskTally(r.getTaskId(), r.getPlanId(), r.getSection(), r.getItem(), r.getStatus(),
                r.getSchedule(), r.getLevel(), r.getDeadline(), r.getClosedMonth(), List.of(r.getKeys()), List.of(), List.of(), List.of())
                .with(List.of(r.getLevelWeeks()), leads.getOrDefault(r.getTaskId(), List.of()), slots.getOrDefault(r.getTaskId(), List.of()))));
        return before;
    }

    /** A lead unit's report on a task for a cycle counted as submitted, after the cycle's grace period or not. */
    record Reported(long taskId, long unitId, long cycleId, boolean late) {
    }

    /**
     * Adds reports counted as submitted on tasks whose other facts did not change (no {@link #refresh} of them in this
     * transaction): only the report's slot and its unit's on-time or late sums change, under the keys that read that
     * unit's reporting. Two statements whatever the number of reports: the tasks' rows locked (as {@link #refresh}
     * locks them, so the two take turns on a task), then the slots the tasks did not count yet inserted and their sums
     * added, in one statement. A report of a unit that does not lead the task now, of a task not reporting (no lead
     * units kept), of a cycle of another plan, or of a slot counted already (a later version) adds nothing, as
     * {@link TallySource} would not count it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void addReported(Collection<Reported> reports) {
        if (reports.isEmpty()) {
            return;
        }
        // both statements rendered once per number of tasks and reports (each submission's own: a flight recording of
        // Q4 put a tenth of a submission's request CPU in building and rendering them), the values bound each time
        List<Long> ids = reports.stream().map(Reported::taskId).distinct().sorted().toList();
        db.resultQuery(statements.sqlWithBinds(new LockTasks(ids.size()), () -> lockTasks(ids), ids), ids.toArray()).fetch();
        List<Reported> rows = reports.stream().distinct().toList();
        List<Object> binds = rows.stream().<Object>flatMap(r -> Stream.of(r.taskId(), r.unitId(), r.cycleId(), r.late())).toList();
        db.query(statements.sqlWithBinds(new AddReported(rows.size()), () -> addReportedStatement(rows), binds), binds.toArray())
                .execute();
    }

    /** The keys of {@link #addReported}'s statements' SQL: their shape, the number of tasks locked and of reports added. */
    private record LockTasks(int tasks) {
    }

    private record AddReported(int reports) {
    }

    /** The tasks' rows locked, in id order (as {@link #refresh} locks them). Binds the ids only. */
    private Query lockTasks(List<Long> ids) {
        return db.select(INSIGHT_TASK.TASK_ID).from(INSIGHT_TASK).where(INSIGHT_TASK.TASK_ID.in(ids)).orderBy(INSIGHT_TASK.TASK_ID)
                .forUpdate();
    }

    /** The slots not counted yet inserted and their sums added. Binds each report's task, unit, cycle and lateness only. */
    private Query addReportedStatement(List<Reported> reports) {
        var values = reports.stream().map(r -> row(r.taskId(), r.unitId(), r.cycleId(), r.late())).toList();
        Table<?> reported = values(values.toArray(Row4[]::new)).as("reported", "task_id", "unit_id", "cycle_id", "late");
        Field<Long> task = reported.field("task_id", Long.class);
        Field<Long> unit = reported.field("unit_id", Long.class);
        Field<Long> cycle = reported.field("cycle_id", Long.class);
        Field<Boolean> late = reported.field("late", Boolean.class);
        CommonTableExpression<?> added = name("added").fields("task_id", "unit_id", "cycle_id", "late").as(
                db.insertInto(INSIGHT_TASK_SLOT, INSIGHT_TASK_SLOT.TASK_ID, INSIGHT_TASK_SLOT.UNIT_ID, INSIGHT_TASK_SLOT.CYCLE_ID,
                                INSIGHT_TASK_SLOT.LATE)
                        .select(select(task, unit, cycle, late).from(reported)
                                .join(INSIGHT_TASK).on(INSIGHT_TASK.TASK_ID.eq(task))
                                .join(INSIGHT_TASK_UNIT).on(INSIGHT_TASK_UNIT.TASK_ID.eq(task).and(INSIGHT_TASK_UNIT.UNIT_ID.eq(unit)))
                                .join(PROGRESS_CYCLE).on(PROGRESS_CYCLE.ID.eq(cycle).and(PROGRESS_CYCLE.PLAN_ID.eq(INSIGHT_TASK.PLAN_ID))))
                        .onConflictDoNothing()
                        .returningResult(INSIGHT_TASK_SLOT.TASK_ID, INSIGHT_TASK_SLOT.UNIT_ID, INSIGHT_TASK_SLOT.CYCLE_ID, INSIGHT_TASK_SLOT.LATE));
        Field<Long> addedTask = added.field("task_id", Long.class);
        Field<Long> addedUnit = added.field("unit_id", Long.class);
        Field<Long> addedCycle = added.field("cycle_id", Long.class);
        Field<Boolean> addedLate = added.field("late", Boolean.class);
        Table<?> keys = unnest(INSIGHT_TASK_UNIT.KEYS).as("k", "key");
        Field<String> key = keys.field("key", String.class);
        return db.with(added)
                .insertInto(INSIGHT_SLOT, INSIGHT_SLOT.SCOPE_KEY, INSIGHT_SLOT.CYCLE_ID, INSIGHT_SLOT.UNIT_ID, INSIGHT_SLOT.ON_TIME,
                        INSIGHT_SLOT.LATE)
                .select(select(key, addedCycle, addedUnit,
                        sum(when(addedLate, inline(0)).otherwise(inline(1))).cast(Integer.class),
                        sum(when(addedLate, inline(1)).otherwise(inline(0))).cast(Integer.class))
                        .from(added)
                        .join(INSIGHT_TASK_UNIT).on(INSIGHT_TASK_UNIT.TASK_ID.eq(addedTask).and(INSIGHT_TASK_UNIT.UNIT_ID.eq(addedUnit)))
                        .crossJoin(keys)
                        .groupBy(key, addedCycle, addedUnit)
                        // in key order, as KeptSums writes: concurrent writers lock the rows in one order
                        .orderBy(key, addedCycle, addedUnit))
                .onConflict(INSIGHT_SLOT.SCOPE_KEY, INSIGHT_SLOT.CYCLE_ID, INSIGHT_SLOT.UNIT_ID).doUpdate()
                .set(INSIGHT_SLOT.ON_TIME, INSIGHT_SLOT.ON_TIME.plus(excluded(INSIGHT_SLOT.ON_TIME)))
                .set(INSIGHT_SLOT.LATE, INSIGHT_SLOT.LATE.plus(excluded(INSIGHT_SLOT.LATE)));
    }

    /**
     * Changes to the kept tables, summed per row: a task counted under each of its keys by its dimensions (section and item among them), its deadline,
     * the months it fell due and was closed, the weeks it entered a level; each lead unit's reports owed and submitted
     * under the keys reading that unit's reporting.
     */
    private static final class Delta {

        private final KeptSums<InsightCountRecord> counts = new KeptSums<>(INSIGHT_COUNT, List.of(INSIGHT_COUNT.SCOPE_KEY,
                INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.SECTION, INSIGHT_COUNT.ITEM, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL),
                List.of(INSIGHT_COUNT.TASKS));
        private final KeptSums<InsightMonthRecord> months = new KeptSums<>(INSIGHT_MONTH, List.of(INSIGHT_MONTH.SCOPE_KEY,
                INSIGHT_MONTH.PLAN_ID, INSIGHT_MONTH.SECTION, INSIGHT_MONTH.ITEM, INSIGHT_MONTH.MONTH), List.of(INSIGHT_MONTH.DUE, INSIGHT_MONTH.CLOSED));
        private final KeptSums<InsightDeadlineRecord> deadlines = new KeptSums<>(INSIGHT_DEADLINE, List.of(INSIGHT_DEADLINE.SCOPE_KEY,
                INSIGHT_DEADLINE.PLAN_ID, INSIGHT_DEADLINE.SECTION, INSIGHT_DEADLINE.ITEM, INSIGHT_DEADLINE.DEADLINE), List.of(INSIGHT_DEADLINE.TASKS));
        private final KeptSums<InsightWeekRecord> weeks = new KeptSums<>(INSIGHT_WEEK, List.of(INSIGHT_WEEK.SCOPE_KEY,
                INSIGHT_WEEK.PLAN_ID, INSIGHT_WEEK.SECTION, INSIGHT_WEEK.ITEM, INSIGHT_WEEK.WEEK), List.of(INSIGHT_WEEK.RED, INSIGHT_WEEK.YELLOW, INSIGHT_WEEK.BLUE));
        private final KeptSums<InsightOwedRecord> owed = new KeptSums<>(INSIGHT_OWED, List.of(INSIGHT_OWED.SCOPE_KEY,
                INSIGHT_OWED.PLAN_ID, INSIGHT_OWED.UNIT_ID), List.of(INSIGHT_OWED.REPORTS));
        private final KeptSums<InsightSlotRecord> slots = new KeptSums<>(INSIGHT_SLOT, List.of(INSIGHT_SLOT.SCOPE_KEY,
                INSIGHT_SLOT.CYCLE_ID, INSIGHT_SLOT.UNIT_ID), List.of(INSIGHT_SLOT.ON_TIME, INSIGHT_SLOT.LATE));

        void add(TaskTally t, int sign) {
            for (String key : t.keys()) {
                counts.add(sign, List.of(key, t.planId(), t.section(), t.item(), t.status(), t.schedule(), t.level()), 1);
                if (t.deadline() != null) {
                    months.add(sign, List.of(key, t.planId(), t.section(), t.item(), t.dueMonth()), 1, 0);
                    deadlines.add(sign, List.of(key, t.planId(), t.section(), t.item(), t.deadline()), 1);
                }
                if (t.closedMonth() != null) {
                    months.add(sign, List.of(key, t.planId(), t.section(), t.item(), t.closedMonth()), 0, 1);
                }
                for (String change : t.levelWeeks()) {
                    String level = change.substring(change.indexOf(':') + 1);
                    weeks.add(sign, List.of(key, t.planId(), t.section(), t.item(), LocalDate.parse(change.substring(0, change.indexOf(':')))),
                            level.equals("RED") ? 1 : 0, level.equals("YELLOW") ? 1 : 0, level.equals("BLUE") ? 1 : 0);
                }
            }
            Map<Long, List<String>> keysOf = new HashMap<>();
            for (TaskTally.Lead l : t.leads()) {
                keysOf.put(l.unitId(), l.keys());
                l.keys().forEach(key -> owed.add(sign, List.of(key, t.planId(), l.unitId()), 1));
            }
            for (TaskTally.Submitted r : t.submitted()) {
                keysOf.getOrDefault(r.unitId(), List.of()).forEach(key ->
                        slots.add(sign, List.of(key, r.cycleId(), r.unitId()), r.late() ? 0 : 1, r.late() ? 1 : 0));
            }
        }

        List<Query> writes(DSLContext db, boolean asArrays) {
            List<Query> writes = new ArrayList<>();
            for (KeptSums<?> sums : List.of(counts, months, deadlines, weeks, owed, slots)) {
                writes.addAll(sums.writes(db, asArrays));
            }
            return writes;
        }
    }
}
