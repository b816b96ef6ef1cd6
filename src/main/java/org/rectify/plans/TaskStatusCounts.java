package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.rectify.access.DataScope;
import org.rectify.platform.KeptTotals;
import org.rectify.platform.KeptUntilChanged;
import org.rectify.platform.RenderedStatements;
import org.rectify.plans.internal.db.tables.TaskPlanCount;
import org.rectify.units.UnitsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_PLAN_COUNT;
import static org.rectify.plans.internal.db.Tables.TASK_STATUS_COUNT;

/**
 * How many tasks of each status a scope sees, read from the counts the database keeps with the tasks (migration V67:
 * a task counted once under each scope that sees it, by a trigger, in the transaction that changes it). A scope's total
 * for some statuses is then a sum of a few rows, exact, whatever the size of the province: the root office's ledger
 * total and its counts by status read the whole task heap before, again after any task changed (issue 14). Answers
 * only what the kept rows hold: a scope and statuses; a filter asking more (a plan, a lead unit, dates, a text) is
 * counted by {@link LedgerCounts}. The plans a scope sees are read from the same kind of counts by plan (V75,
 * {@link #plansSeenBy}).
 */
@Component
class TaskStatusCounts {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusCounts.class);

    private final DSLContext db;
    private final RenderedStatements statements;
    /**
     * Each scope's counts by status as last read, until a task, a plan's owner or the unit tree changes on this node, or
     * for {@link KeptTotals#KEEP} (another node's changes): a dashboard read again reads no row until then.
     */
    private final KeptUntilChanged read = new KeptUntilChanged(KeptTotals.KEEP, 10_000);
    /**
     * Each scope's {@link PlanOrderWalk}, read again every few minutes, not after every change: it chooses how a page is
     * read, never what it lists, and a page right after a change stays one statement.
     */
    private final KeptUntilChanged walks = new KeptUntilChanged(Duration.ofMinutes(5), 10_000);

    TaskStatusCounts(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /** Whether the kept counts answer the filter: it asks for statuses (or none: every task) and nothing else. */
    static boolean answer(LedgerFilter f) {
        return f.asksOnlyStatuses();
    }

    /** How many tasks of each status the scope sees (every status named, 0 when none). */
    Map<TaskStatus, Long> byStatus(DataScope scope) {
        return read.get(scope, () -> kept(scope));
    }

    @EventListener({TaskCreated.class, TaskEdited.class, TaskTransitioned.class, PlanOwnerChanged.class, UnitsChanged.class})
    void changed() {
        read.changed();
    }

    private Map<TaskStatus, Long> kept(DataScope scope) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status, 0L);
        }
        String sql = statements.sql(List.of("status-counts", scope), () -> select(TASK_STATUS_COUNT.STATUS,
                TASK_STATUS_COUNT.TASKS).from(TASK_STATUS_COUNT).where(rowsOf(scope)));
        statements.rows(sql, r -> Map.entry(r.getString(1), r.getLong(2)))
                .forEach(e -> byStatus.merge(TaskStatus.valueOf(e.getKey()), e.getValue(), Long::sum));
        return Collections.unmodifiableMap(byStatus);
    }

    /**
     * The scope's tasks in these statuses (none: every status) as a column for a page's own statement, so that a page
     * and its total are one statement, read from one snapshot.
     */
    Field<Long> total(DataScope scope, Set<TaskStatus> statuses) {
        Condition rows = rowsOf(scope);
        if (!statuses.isEmpty()) {
            rows = rows.and(TASK_STATUS_COUNT.STATUS.in(statuses.stream().sorted().map(s -> inline(s.name())).toList()));
        }
        return field(select(coalesce(sum(TASK_STATUS_COUNT.TASKS), inline(BigDecimal.ZERO)))
                .from(TASK_STATUS_COUNT).where(rows)).cast(Long.class);
    }

    /** The scope's rows: its path (the path inline, as the scope's everywhere) and which reach it reads. */
    private static Condition rowsOf(DataScope scope) {
        return TASK_STATUS_COUNT.PATH.eq(inline(keptPath(scope))).and(TASK_STATUS_COUNT.REACH.eq(inline(keptReach(scope))));
    }

    /**
     * The plans with a task the scope sees, from the tasks kept counted by plan (V75): a few rows of the scope's path
     * where asking each plan for one of its tasks read every task of the plans the scope does not see.
     */
    static Select<Record1<Long>> plansSeenBy(DataScope scope) {
        return select(TASK_PLAN_COUNT.PLAN_ID).from(TASK_PLAN_COUNT)
                .where(planRowsOf(scope).and(TASK_PLAN_COUNT.TASKS.gt(inline(0))));
    }

    /**
     * The plans the scope sees with its share of each, and its tasks by status ({@link PlanOrderWalk}), from the counts
     * by plan (V75) and by status.
     */
    PlanOrderWalk planOrderWalk(DataScope scope) {
        return walks.get(scope, () -> {
            var all = TASK_PLAN_COUNT.as("all_scopes");
            return new PlanOrderWalk(db.select(TASK_PLAN_COUNT.PLAN_ID, TASK_PLAN_COUNT.TASKS, all.TASKS)
                    .from(TASK_PLAN_COUNT).join(all).on(all.PLAN_ID.eq(TASK_PLAN_COUNT.PLAN_ID).and(planRowsOf(DataScope.ALL, all)))
                    .where(planRowsOf(scope).and(TASK_PLAN_COUNT.TASKS.gt(inline(0))))
                    .orderBy(TASK_PLAN_COUNT.PLAN_ID)
                    .fetch(r -> new PlanOrderWalk.PlanShare(r.value1(), r.value2(), r.value3())), kept(scope));
        });
    }

    /** How many tasks the plan has, all scopes together: its administrator's row of the counts by plan (V75). */
    static Field<Integer> tasksOf(Field<Long> planId) {
        return coalesce(field(select(TASK_PLAN_COUNT.TASKS).from(TASK_PLAN_COUNT)
                .where(planRowsOf(DataScope.ALL).and(TASK_PLAN_COUNT.PLAN_ID.eq(planId)))), inline(0));
    }

    /** {@link #rowsOf} in the counts by plan. */
    private static Condition planRowsOf(DataScope scope) {
        return planRowsOf(scope, TASK_PLAN_COUNT);
    }

    private static Condition planRowsOf(DataScope scope, TaskPlanCount counts) {
        return counts.PATH.eq(inline(keptPath(scope))).and(counts.REACH.eq(inline(keptReach(scope))));
    }

    private static String keptPath(DataScope scope) {
        return scope.isAll() ? "/" : scope.unitPath();
    }

    /** The office reach for the scopes that see their own plans' tasks too (V26), the unit reach for the others. */
    private static String keptReach(DataScope scope) {
        return scope.isAll() || scope.ownPlans() ? "OFFICE" : "UNIT";
    }

    /**
     * At start-up, the administrator's counts (every task, by status and by plan) against the tasks: counted afresh
     * when they differ (a database restored by hand, triggers switched off while loading), as insight checks its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfStale() {
        if (!stale()) {
            return;
        }
        long start = System.nanoTime();
        db.execute("select task_status_count_rebuild()");
        // counts that disagree mean triggers were off (a restore, a load): the open tasks' counts by deadline (V68) and
        // the counts by plan (V75) too
        db.execute("select task_open_deadline_count_rebuild()");
        db.execute("select task_plan_count_rebuild()");
        read.changed();
        log.info("plans: kept counts by status, deadline and plan rebuilt in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Whether the administrator's kept counts (every task, by status and by plan) differ from the tasks, counted in one
     * pass over them.
     */
    boolean stale() {
        Map<String, Long> byStatus = new HashMap<>();
        Map<Long, Long> byPlan = new HashMap<>();
        db.select(TASK.STATUS, TASK.PLAN_ID, count()).from(TASK).groupBy(TASK.STATUS, TASK.PLAN_ID).forEach(r -> {
            byStatus.merge(r.value1(), r.value3().longValue(), Long::sum);
            byPlan.merge(r.value2(), r.value3().longValue(), Long::sum);
        });
        Field<Long> tasks = TASK_STATUS_COUNT.TASKS.cast(Long.class);
        Field<Long> planTasks = TASK_PLAN_COUNT.TASKS.cast(Long.class);
        return !byStatus.equals(db.select(TASK_STATUS_COUNT.STATUS, tasks).from(TASK_STATUS_COUNT)
                .where(rowsOf(DataScope.ALL).and(TASK_STATUS_COUNT.TASKS.ne(0))).fetchMap(TASK_STATUS_COUNT.STATUS, tasks))
                || !byPlan.equals(db.select(TASK_PLAN_COUNT.PLAN_ID, planTasks).from(TASK_PLAN_COUNT)
                .where(planRowsOf(DataScope.ALL).and(TASK_PLAN_COUNT.TASKS.ne(0)))
                .fetchMap(TASK_PLAN_COUNT.PLAN_ID, planTasks));
    }
}
