package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.rectify.platform.KeptTotals;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paged;
import org.rectify.supervision.internal.SupervisionTotals;
import org.rectify.platform.Paging;
import org.rectify.platform.TransactionSetting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.count;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/** The read side of supervision: warnings in the caller's scope, counted and listed, and their history. */
@Service
@Transactional(readOnly = true)
public class WarningBoard {

    /**
     * The desk: the counts per level over the filter's tasks (whatever levels it asks for), and the page asked for;
     * {@code countsEstimated}: the counts are large, counted once and kept a while, so "about" them.
     */
    public record Desk(Map<WarningLevel, Integer> counts, boolean countsEstimated, ListPage<TaskWarning> warnings) {

        /** The counts as a reader is told them: exact, or when estimated to two significant digits. */
        public Map<WarningLevel, Long> shownCounts() {
            Map<WarningLevel, Long> shown = new EnumMap<>(WarningLevel.class);
            counts.forEach((level, n) -> shown.put(level, countsEstimated ? Paged.about(n) : n));
            return shown;
        }
    }

    /** The desk's order: RED, YELLOW, BLUE (inline, as V77's {@code task_warning_desk_idx} is written), then the oldest. */
    private static final Field<Integer> URGENCY = DSL.case_(TASK_WARNING.LEVEL).when(DSL.inline("RED"), DSL.inline(0))
            .when(DSL.inline("YELLOW"), DSL.inline(1)).when(DSL.inline("BLUE"), DSL.inline(2)).else_(DSL.inline(3));

    private final DSLContext db;
    private final TaskLedger ledger;
    private final KeptTotals totals;

    WarningBoard(DSLContext db, TaskLedger ledger, SupervisionTotals totals) {
        this.db = db;
        this.ledger = ledger;
        this.totals = totals.totals();
    }

    /**
     * The filter's tasks per level, counted for the levels the filter names (by default the three that warn: the
     * tasks without a warning, most of a province, are not read); a level not counted is 0.
     */
    public Map<WarningLevel, Integer> counts(WarningFilter filter, DataScope scope) {
        Map<WarningLevel, Integer> counts = new EnumMap<>(WarningLevel.class);
        for (WarningLevel level : WarningLevel.values()) {
            counts.put(level, 0);
        }
        db.select(TASK_WARNING.LEVEL, count()).from(TASK_WARNING).join(PLANS_TASK).on(PLANS_TASK.ID.eq(TASK_WARNING.TASK_ID))
                .where(levelsOf(filter, scope)).groupBy(TASK_WARNING.LEVEL)
                .forEach(r -> counts.put(WarningLevel.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** The desk's page of the filter's warned tasks, most urgent first; the total is the counts' sum over its levels. */
    public Desk desk(WarningFilter filter, DataScope scope, Paging paging) {
        // the cards count the three warning levels whichever are ticked; the total the levels asked for
        java.util.Set<WarningLevel> counted = new java.util.HashSet<>(new WarningFilter(null, null, null, null).levels());
        counted.addAll(filter.levels());
        WarningFilter countedFilter = new WarningFilter(filter.planId(), filter.section(), filter.leadUnitId(), counted);
        // a province's warnings counted once per scope and filter and kept until a task is assessed again (as the ledger)
        var counts = totals.figure(List.of("desk", scope, countedFilter), () -> counts(countedFilter, scope),
                c -> c.values().stream().mapToLong(Integer::longValue).sum());
        long total = filter.levels().stream().mapToLong(counts.value()::get).sum();
        Condition which = levelsOf(filter, scope);
        withoutParallelWorkers(); // after the counts: a province's were faster with workers (a scan of every task)
        return new Desk(counts.value(), counts.estimated(),
                paging.fetch(new KeptTotals.Counted<>(total, counts.estimated()), p -> query(which, p)));
    }

    /** Every warned task of the filter, most urgent first: an export's rows. */
    public List<TaskWarning> find(WarningFilter filter, DataScope scope) {
        withoutParallelWorkers();
        return query(levelsOf(filter, scope), null);
    }

    /** The {@code limit} most urgent warned tasks of the filter (a briefing names a few of thousands). */
    public List<TaskWarning> mostUrgent(WarningFilter filter, DataScope scope, int limit) {
        withoutParallelWorkers();
        return query(levelsOf(filter, scope), new Paging(0, limit));
    }

    /**
     * The rest of this transaction planned without parallel workers, for the pages in the desk's order: a page reads the
     * desk index in order until it has its rows in scope, and workers sharing that walk each read on for a first row of
     * their own (at 1,000,000 tasks before V77 gave the index the whole order, a county office's first page 2.0-2.2 s
     * with two workers on two cores, 0.34-0.46 s without; after it, a city office's 103-109 ms against 50-51 ms, a
     * county's the same either way, 267-288 ms: session 36).
     */
    private void withoutParallelWorkers() {
        TransactionSetting.withoutParallelWorkers(db);
    }

    private Condition levelsOf(WarningFilter filter, DataScope scope) {
        // the levels inline: they imply the desk index's "level <> 'NONE'" to the planner
        return scoped(filter, scope).and(TASK_WARNING.LEVEL.in(filter.levels().stream().map(l -> DSL.inline(l.name())).toList()));
    }

    /** The task's warning as last assessed (none before its first assessment); the task must be in the caller's scope. */
    public java.util.Optional<TaskWarning> current(long taskId, DataScope scope) {
        ledger.get(taskId, scope); // 404 outside the scope
        return query(PLANS_TASK.ID.eq(taskId), null).stream().findFirst();
    }

    /** The rows {@code which} selects on the page, in the desk's order; {@code paging} null: all of them. */
    private List<TaskWarning> query(Condition which, Paging paging) {
        var rows = Paging.rows(db.select(PLANS_TASK.ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.STATUS, PLANS_TASK.DEADLINE, PLANS_TASK.ONGOING, TASK_WARNING.LEVEL,
                        TASK_WARNING.SCHEDULE_STATUS, TASK_WARNING.REASONS, TASK_WARNING.SINCE)
                .from(TASK_WARNING).join(PLANS_TASK).on(PLANS_TASK.ID.eq(TASK_WARNING.TASK_ID))
                .where(which)
                // RED, YELLOW, BLUE: the order of the enum reversed, then the longest-standing first, then the task's plan and
                // position in it as the warning keeps them (V44, V77), so that the desk index gives the whole order
                .orderBy(URGENCY, TASK_WARNING.SINCE.asc(), TASK_WARNING.PLAN_ID, TASK_WARNING.TASK_POSITION, TASK_WARNING.TASK_ID),
                paging);
        Map<Long, List<String>> leads = ledger.leadUnitNames(rows.map(r -> r.get(PLANS_TASK.ID)));
        return rows.map(r -> new TaskWarning(r.get(PLANS_TASK.ID), r.get(PLANS_TASK.REF), TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)),
                TaskStatus.valueOf(r.get(PLANS_TASK.STATUS)), r.get(PLANS_TASK.DEADLINE), WarningLevel.valueOf(r.get(TASK_WARNING.LEVEL)),
                ScheduleStatus.valueOf(r.get(TASK_WARNING.SCHEDULE_STATUS)), WarningReason.parseAll(r.get(TASK_WARNING.REASONS)),
                r.get(TASK_WARNING.SINCE), leads.getOrDefault(r.get(PLANS_TASK.ID), List.of()), r.get(PLANS_TASK.ONGOING)));
    }

    /** A task's changes of level, newest first; the task must be in the caller's scope. */
    public List<WarningHistoryEntry> history(long taskId, DataScope scope) {
        ledger.get(taskId, scope); // 404 outside the scope
        return db.selectFrom(WARNING_CHANGE).where(WARNING_CHANGE.TASK_ID.eq(taskId))
                .orderBy(WARNING_CHANGE.OCCURRED_AT.desc(), WARNING_CHANGE.ID.desc())
                .fetch(c -> new WarningHistoryEntry(c.getOccurredAt(),
                        c.getFromLevel() == null ? WarningLevel.NONE : WarningLevel.valueOf(c.getFromLevel()),
                        WarningLevel.valueOf(c.getToLevel()), WarningReason.parseAll(c.getReasons())));
    }

    private Condition scoped(WarningFilter filter, DataScope scope) {
        Condition c = TaskConditions.PUBLISHED.visibleTo(scope).and(TaskConditions.PUBLISHED.inSection(filter.section()));
        if (filter.planId() != null) {
            c = c.and(PLANS_TASK.PLAN_ID.eq(filter.planId()));
        }
        if (filter.leadUnitId() != null) {
            c = c.and(TaskConditions.PUBLISHED.ledFromUnit(db, filter.leadUnitId()));
        }
        return c;
    }

}
