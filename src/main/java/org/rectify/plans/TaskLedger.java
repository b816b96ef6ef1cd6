package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Table;
import org.rectify.access.DataScope;
import org.rectify.platform.KeptTotals;
import org.rectify.platform.Like;
import org.rectify.platform.RenderedStatements;
import org.rectify.plans.internal.WrittenSummaries;
import org.rectify.units.KeptUnitNames;
import org.rectify.units.KeptUnitPaths;
import org.rectify.units.UnitPaths;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.plans.internal.db.Tables.INDICATOR;
import static org.rectify.plans.internal.db.Tables.MILESTONE;
import static org.rectify.plans.internal.db.Tables.OBLIGATION;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_HISTORY;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_REACH;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.units.api.Tables.UNITS_GROUP;
import static org.rectify.units.api.Tables.UNITS_PERSON;

/**
 * The ledger (台账): the read side of tasks. Every query takes the caller's {@link DataScope}; a task
 * outside it does not exist for the caller. Each read is a read-only transaction, but a page ({@link #find}), which
 * needs none: not through the transaction proxy's interceptor at all (its status, thread-bound resources and
 * reflective call, ~10 % of a county office's Q2 on its request thread, issue 14).
 */
@Service
public class TaskLedger {

    /**
     * A page's columns: the task's lead units as the ids its row keeps (V69), named from the names the node keeps
     * ({@link LeadNames}); a subquery per row joining the units' and groups' rows for their names was about half of a
     * page's PostgreSQL CPU (issue 14).
     */
    private static final List<Field<?>> PAGE_FIELDS = List.of(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT,
            TASK.STATUS, TASK.DEADLINE, TASK.LEAD_UNIT_IDS, TASK.LEAD_GROUP_IDS, UNITS_PERSON.NAME, TASK.ONGOING);

    /**
     * A page's row with the count its statement read beside it: the kept total ({@link TaskStatusCounts#total}) or the
     * bounded count ({@link LedgerCounts#boundedColumn}).
     */
    private record CountedRow(WrittenSummaries.Row task, long counted) {
    }

    /** A subtree's open tasks from V45's rows, each joined to its task row ({@link OpenReachRange}). */
    private static final Table<?> OPEN_REACH_TASKS = TASK_OPEN_REACH.join(TASK).on(TASK.ID.eq(TASK_OPEN_REACH.TASK_ID));

    /** The orders a figure's rows keep ({@link #figureTasks}). */
    private static final Set<LedgerFilter.Sort> FIGURE_ORDERS = Set.of(LedgerFilter.Sort.REF, LedgerFilter.Sort.DEADLINE);

    /** The id a task's statements read by, bound at each request ({@link RenderedStatements#sqlById}). */
    private static final org.jooq.Param<Long> ID = org.jooq.impl.DSL.param("id", Long.class);

    /**
     * What a task's detail shows of its row ({@link #detail}), with its plan's title and its responsible person: not
     * the row's three reach arrays, its timestamps, finding and position, which the task page read and parsed at each
     * request without showing them (issue 14).
     */
    private static final List<Field<?>> TASK_FIELDS = List.of(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT,
            TASK.MEASURES, TASK.STATUS, TASK.ONGOING, TASK.DEADLINE, TASK.VERSION, TASK.RESPONSIBLE_PERSON_ID, PLAN.TITLE,
            UNITS_PERSON.ID, UNITS_PERSON.NAME, UNITS_PERSON.POST, UNITS_PERSON.UNIT_ID, UNITS_PERSON.PHONE);

    /** A task's units as text the arrays carry (the role column's enum converter does not apply to an array of it). */
    private static final Field<String> ROLE_TEXT = field(TASK_UNIT.ROLE.getQualifiedName(), String.class);
    /** The order of a task's units in each array: the order the task lists them in. */
    private static final List<OrderField<?>> UNIT_ORDER = List.of(TASK_UNIT.POSITION, TASK_UNIT.UNIT_ID);
    /**
     * A task's lead and supporting units (role, unit, the group that named it) as five arrays in the same order, one row
     * whatever their number: joined laterally to the task's row, so that a task and its units are one statement.
     */
    private static final Table<?> UNITS_OF_TASK = lateral(select(
            arrayAgg(ROLE_TEXT).orderBy(UNIT_ORDER).as("unit_roles"),
            arrayAgg(UNITS_DIRECTORY.ID).orderBy(UNIT_ORDER).as("unit_ids"),
            arrayAgg(UNITS_DIRECTORY.NAME).orderBy(UNIT_ORDER).as("unit_names"),
            arrayAgg(UNITS_GROUP.ID).orderBy(UNIT_ORDER).as("group_ids"),
            arrayAgg(UNITS_GROUP.NAME).orderBy(UNIT_ORDER).as("group_names"))
            .from(TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
            .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
            .where(TASK_UNIT.TASK_ID.eq(TASK.ID))).as("units_of_task");
    private static final Field<String[]> UNIT_ROLES = UNITS_OF_TASK.field("unit_roles", String[].class);
    private static final Field<Long[]> UNIT_IDS = UNITS_OF_TASK.field("unit_ids", Long[].class);
    private static final Field<String[]> UNIT_NAMES = UNITS_OF_TASK.field("unit_names", String[].class);
    private static final Field<Long[]> GROUP_IDS = UNITS_OF_TASK.field("group_ids", Long[].class);
    private static final Field<String[]> GROUP_NAMES = UNITS_OF_TASK.field("group_names", String[].class);
    /** {@link #TASK_FIELDS} and the task's units ({@link #UNITS_OF_TASK}). */
    private static final List<Field<?>> TASK_WITH_UNITS = concat(TASK_FIELDS,
            List.of(UNIT_ROLES, UNIT_IDS, UNIT_NAMES, GROUP_IDS, GROUP_NAMES));

    private static List<Field<?>> concat(List<Field<?>> a, List<Field<?>> b) {
        List<Field<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private final DSLContext db;
    private final LedgerCounts counts;
    private final TaskStatusCounts statusCounts;
    private final TaskFigureConditions figures;
    private final RenderedStatements statements;
    private final KeptUnitPaths unitPaths;
    private final KeptUnitNames unitNames;

    TaskLedger(DSLContext db, LedgerCounts counts, TaskStatusCounts statusCounts, TaskFigureConditions figures,
               RenderedStatements statements, KeptUnitPaths unitPaths, KeptUnitNames unitNames) {
        this.db = db;
        this.counts = counts;
        this.statusCounts = statusCounts;
        this.figures = figures;
        this.statements = statements;
        this.unitPaths = unitPaths;
        this.unitNames = unitNames;
    }

    /**
     * A page of the filter's tasks in the scope. Outside a transaction (one is joined if the caller has one): a page is
     * one statement, or a count and then a page, each with its own snapshot under READ COMMITTED as inside one, and a
     * read-only transaction cost its begin and commit (a round trip) on every request. A filter of statuses alone reads
     * its exact total from the kept counts ({@link TaskStatusCounts}) in the page's statement; any other is counted
     * ({@link LedgerCounts}), its large totals kept per scope and filter (not per sort or page size: one set, one count).
     */
    public LedgerPage find(LedgerFilter asked, DataScope scope) {
        LedgerFilter filter = figureAsStatus(asked);
        Optional<LedgerPage> byStatus = filter.sort() == LedgerFilter.Sort.STATUS && filter.asksOnlyStatuses()
                ? inStatusOrder(filter, scope) : Optional.empty();
        if (byStatus.isPresent()) {
            return byStatus.get();
        }
        Optional<String> leadPath = leadPath(filter);
        Optional<OpenReachRange> range = OpenReachRange.of(filter, scope, leadPath);
        Optional<TaskFigureConditions.FigureTasks> figureTasks = range.isPresent() ? Optional.empty() : figureTasks(filter);
        boolean walk = walksPlans(filter, scope); // statuses alone in plan order: neither a range nor a figure
        boolean onRows = !walk && statusesOnRows(filter, scope); // statuses alone, collected: neither either
        boolean figureWalk = figureTasks.isPresent() && walksFigure(filter, scope);
        // what the statements are built from, and so the key of their rendered SQL (RenderedStatements)
        List<Object> shape = Arrays.asList(scope, filter.withPage(0), leadPath, walk, onRows, figureWalk);
        // which tasks they select, and so the key of their kept total
        List<Object> counted = Arrays.asList(scope, filter.unordered(), leadPath);
        Condition where;
        Table<?> from;
        Table<?> rows;
        List<OrderField<?>> order;
        if (range.isPresent()) {
            // a subtree's open tasks in deadline order from V45's rows: a page reads its own rows, not the subtree's
            LedgerFilter rest = range.get().rest(filter);
            where = range.get().rows(filter).and(matching(rest, TaskConditions.OWN,
                    range.get().reach() == OpenReachRange.Reach.LEAD ? null : leadPath));
            from = rest.asksNothing() ? TASK_OPEN_REACH : OPEN_REACH_TASKS;
            rows = OPEN_REACH_TASKS;
            order = List.of(TASK_OPEN_REACH.DEADLINE.asc().nullsLast(), TASK_OPEN_REACH.TASK_ID.asc());
        } else if (figureTasks.isPresent()) {
            // a figure of open tasks in plan order or by deadline from the rows that derive it: a page reads its own
            // tasks' rows
            var figure = figureTasks.get();
            LedgerFilter rest = filter.withoutFigure();
            where = OpenReachRange.ofScope(scope).map(open -> open.tasks(figure.taskId())).orElse(noCondition())
                    .and(matching(rest, TaskConditions.OWN, leadPath));
            rows = figure.rows().join(TASK).on(TASK.ID.eq(figure.taskId()));
            from = rest.asksNothing() ? figure.rows() : rows;
            order = figureOrder(figure, filter, figureWalk);
        } else {
            // a subtree's ledger in plan order (its statuses alone asked) walked plan by plan where that reads fewer tasks
            // (PlanOrderWalk)
            where = walk ? planWalk(filter, scope)
                    : onRows ? collected(filter, scope) : where(filter, scope, TaskConditions.OWN, leadPath);
            from = TASK;
            rows = TASK;
            order = onRows ? collectedOrder(filter) : order(filter);
        }
        Supplier<Field<Long>> keptTotal = keptTotal(filter, scope, leadPath);
        boolean kept = keptTotal != null;
        LeadNames leads = new LeadNames(unitNames);
        var known = kept ? null : counts.known(counted, from, where);
        if (known == null) {
            // the page with its total (kept) or its bounded count in one statement; a page past the end counts apart
            long before = counts.generation();
            List<CountedRow> read = rows(figureTasks.isPresent(), statements.sql(List.of("page-counted", shape, filter.page()),
                    () -> page(rows, where, order, filter.size(), (long) filter.page() * filter.size(),
                            kept ? keptTotal.get() : counts.boundedColumn(from, where))),
                    row -> new CountedRow(summary(row, leads), row.getLong(PAGE_FIELDS.size() + 1)));
            leads.complete();
            if (!read.isEmpty()) {
                long n = read.get(0).counted();
                var total = kept ? new KeptTotals.Counted<>(n, false) : counts.fromBounded(counted, n, before, from, where);
                return new LedgerPage(WrittenSummaries.of(read.stream().map(CountedRow::task).toList()), total.value(), total.estimated(),
                        filter.page(), filter.size());
            }
            if (filter.page() == 0) {
                // an empty first page: nothing matches in the page's own snapshot, so its total is 0 without a count of
                // its own (a quarter of the root office's Q2 pages, a unit leading nothing overdue: issue 14)
                return new LedgerPage(List.of(), 0, false, 0, filter.size());
            }
            known = kept ? new KeptTotals.Counted<>(db.select(keptTotal.get()).fetchOne(0, long.class), false)
                    : counts.count(counted, shape, from, where);
            if (known.value() == 0) {
                return new LedgerPage(List.of(), 0, known.estimated(), 0, filter.size());
            }
        }
        long total = known.value();
        int page = shownPage(filter, total);
        String sql = statements.sql(List.of("page", shape, page),
                () -> page(rows, where, order, filter.size(), (long) page * filter.size()));
        List<WrittenSummaries.Row> pageRows = rows(figureTasks.isPresent(), sql, row -> summary(row, leads));
        leads.complete();
        return new LedgerPage(WrittenSummaries.of(pageRows), total, known.estimated(), page, filter.size());
    }

    /** A page past the end (an old link, a narrowed filter) shows the last page rather than "page 100 of 5". */
    private static int shownPage(LedgerFilter filter, long total) {
        return (int) Math.min(filter.page(), Math.max(0, (total - 1) / filter.size()));
    }

    /**
     * A page of statuses alone sorted by status ({@link StatusOrder}): the part of each status it spans, each read as
     * that status's page in plan order is, and its exact total from the scope's counts by status. None when a part
     * would collect the scope's tasks rather than walk its plans ({@link PlanOrderWalk}): a scope that thin over its
     * plans has few tasks, collected once and sorted by status in one statement (a department's 1,262 at 1,000,000:
     * 4 ms) rather than once for each part.
     */
    private Optional<LedgerPage> inStatusOrder(LedgerFilter filter, DataScope scope) {
        StatusOrder statusOrder = new StatusOrder(statusCounts.byStatus(scope));
        long total = statusOrder.total(filter.statuses());
        int page = shownPage(filter, total);
        var parts = statusOrder.parts(filter.statuses(), filter.descending(), (long) page * filter.size(), filter.size());
        if (!scope.isAll() && !parts.stream().allMatch(p -> walksPlans(ofPart(filter, p), scope, p.offset(), p.limit()))) {
            return Optional.empty();
        }
        LeadNames leads = new LeadNames(unitNames);
        List<WrittenSummaries.Row> rows = new ArrayList<>();
        for (var part : parts) {
            LedgerFilter status = ofPart(filter, part);
            String sql = statements.sql(List.of("status-part", scope, status, part.offset(), part.limit()), () -> page(TASK,
                    scope.isAll() ? where(status, scope, TaskConditions.OWN, null) : planWalk(status, scope),
                    order(status), part.limit(), part.offset()));
            rows.addAll(statements.rows(sql, row -> summary(row, leads)));
        }
        leads.complete();
        return Optional.of(new LedgerPage(WrittenSummaries.of(rows), total, false, page, filter.size()));
    }

    /** The part's status alone, in plan order the way the filter asks (a part is read from its offset, not by page). */
    private static LedgerFilter ofPart(LedgerFilter filter, StatusOrder.Part part) {
        return filter.withOnly(part.status()).withSort(LedgerFilter.Sort.REF, filter.descending()).withPage(0);
    }

    /**
     * The scope's tasks of the filter's statuses, in the plans it sees ({@link TaskStatusCounts#plansSeenBy}) with its
     * reach tested on each row ({@link PlanOrderWalk}).
     */
    private Condition planWalk(LedgerFilter filter, DataScope scope) {
        return TASK.PLAN_ID.eq(any(array(TaskStatusCounts.plansSeenBy(scope))))
                .and(TaskConditions.OWN.visibleOnRow(scope)).and(matching(filter, TaskConditions.OWN, null));
    }

    /**
     * Whether a page that collects the scope's tasks of its statuses alone, in plan or status order, tests the statuses
     * on each row rather than by their index ({@link PlanOrderWalk#statusIndexPays}).
     */
    private boolean statusesOnRows(LedgerFilter filter, DataScope scope) {
        return filter.asksOnlyStatuses() && !filter.statuses().isEmpty() && !scope.isAll()
                && (filter.sort() == LedgerFilter.Sort.REF || filter.sort() == LedgerFilter.Sort.STATUS)
                && !statusCounts.planOrderWalk(scope).statusIndexPays(statusCounts.planOrderWalk(DataScope.ALL).byStatus(),
                filter.statuses());
    }

    /** The scope's tasks by the reach's index, their statuses tested on each row ({@link #statusesOnRows}). */
    private static Condition collected(LedgerFilter filter, DataScope scope) {
        return TaskConditions.OWN.visibleTo(scope).and(placeOfStatus(filter.statuses().stream().sorted()).isNotNull());
    }

    /** The task's status's place among these (1 for the first), null when it is none of them: no index answers it. */
    private static Field<Integer> placeOfStatus(java.util.stream.Stream<TaskStatus> statuses) {
        return org.jooq.impl.DSL.function("array_position", Integer.class,
                org.jooq.impl.DSL.inline(statuses.map(Enum::name).toArray(String[]::new)), TASK.STATUS);
    }

    /**
     * {@link #order} of tasks collected by the reach ({@link #collected}), in plan order by {@code plan_id + 0}: no index
     * answers it, so PostgreSQL collects rather than walk the plan-order index from the first plan, which it may take
     * for shorter once it no longer sees the statuses (a county's tasks all in one plan of the province's last ones).
     */
    private static List<OrderField<?>> collectedOrder(LedgerFilter f) {
        return f.sort() == LedgerFilter.Sort.REF ? planOrder(TASK.PLAN_ID.plus(org.jooq.impl.DSL.inline(0L)), f.descending())
                : order(f); // by the status's place, which no index answers either
    }

    /**
     * A page's rows; a figure's in plan order without parallel workers: they shared the walk of its rows and each read on
     * for rows of its own (at 1,000,000 tasks a city office's red tasks 85-97 ms a page with two workers, 33-35 without).
     */
    private <T> List<T> rows(boolean figureInPlanOrder, String sql, RenderedStatements.RowReader<T> reader) {
        return figureInPlanOrder ? statements.rowsWithoutParallelWorkers(sql, reader) : statements.rows(sql, reader);
    }

    /**
     * A lifecycle figure asked as its status (alone, or one of the statuses asked): the same tasks, whose exact total
     * the kept counts give where the figure's was counted (the province's closed tasks at 1,000,000: 1.8 s every 30 s).
     */
    private LedgerFilter figureAsStatus(LedgerFilter f) {
        if (f.figure() == null) {
            return f;
        }
        return figures.status(f.figure()).filter(s -> f.statuses().isEmpty() || f.statuses().contains(s))
                .map(f::withOnly).orElse(f);
    }

    /**
     * The tasks of the filter's figure as the rows that derive it, when it asks for its figure in plan order or by
     * deadline and the figure is one supervision derives ({@link TaskFigureConditions#tasksOf}), which keep both orders.
     * Walking every task in plan order and probing its warning read 7,668 task rows for the province's 50 blue ones at
     * 1,000,000 tasks; testing a subtree on the task's row read the row of each task of the figure in the province (a
     * city's yellow tasks: 22,116 rows, 0.8 s a page); walking every task by deadline passed the overdue and the closed
     * tasks before the province's first tasks behind schedule (40,135 for 50 at 100,000 tasks, 167 ms).
     */
    private Optional<TaskFigureConditions.FigureTasks> figureTasks(LedgerFilter filter) {
        return filter.figure() == null || !FIGURE_ORDERS.contains(filter.sort()) ? Optional.empty()
                : figures.tasksOf(filter.figure());
    }

    /**
     * Whether a page of the figure's rows walks them in its order, the scope tested among its open tasks, rather than
     * collect the scope's open tasks ({@link PlanOrderWalk#figureWalkPays}).
     */
    private boolean walksFigure(LedgerFilter filter, DataScope scope) {
        return scope.isAll() || statusCounts.planOrderWalk(scope).figureWalkPays(
                statusCounts.planOrderWalk(DataScope.ALL).byStatus(), (long) filter.page() * filter.size(), filter.size());
    }

    /**
     * {@link #order} on a figure's rows: by the copies of its tasks' plan and position, or of their deadline; collected
     * rather than walked, by the plan or deadline {@code + 0}, which no index answers, so that PostgreSQL collects the
     * scope's open tasks rather than walk the figure's entries (as {@link #collectedOrder}).
     */
    private static List<OrderField<?>> figureOrder(TaskFigureConditions.FigureTasks figure, LedgerFilter f, boolean walk) {
        if (f.sort() == LedgerFilter.Sort.DEADLINE) {
            return deadlineOrder(walk ? figure.deadline() : figure.deadline().plus(org.jooq.impl.DSL.inline(0)),
                    figure.taskId(), f.descending());
        }
        return planOrder(walk ? figure.planId() : figure.planId().plus(org.jooq.impl.DSL.inline(0L)), figure.position(),
                figure.taskId(), f.descending());
    }

    /** Whether a page of the scope's ledger in plan order (its statuses alone asked) walks its plans ({@link PlanOrderWalk}). */
    boolean walksPlans(LedgerFilter filter, DataScope scope) {
        return walksPlans(filter, scope, (long) filter.page() * filter.size(), filter.size());
    }

    private boolean walksPlans(LedgerFilter filter, DataScope scope, long offset, int size) {
        return filter.asksOnlyStatuses() && filter.sort() == LedgerFilter.Sort.REF && !scope.isAll()
                && statusCounts.planOrderWalk(scope).pays(offset, size, filter.descending(), filter.statuses());
    }

    /**
     * The filter's exact total from the counts the database keeps, as a column of the page's statement (built only when
     * the statement is rendered), or null when they do not answer it: statuses alone ({@link TaskStatusCounts}), or
     * every open status in one subtree with a deadline range or none ({@link OpenDeadlineCounts}).
     */
    private Supplier<Field<Long>> keptTotal(LedgerFilter filter, DataScope scope, Optional<String> leadPath) {
        if (TaskStatusCounts.answer(filter)) {
            return () -> statusCounts.total(scope, filter.statuses());
        }
        return OpenDeadlineCounts.total(filter, scope, leadPath).orElse(null);
    }

    /** A page's statement: its rows in order, with {@code more} columns after {@link #PAGE_FIELDS}. */
    private org.jooq.Select<?> page(Table<?> rows, Condition where, List<OrderField<?>> order, int limit, long offset,
                                    Field<?>... more) {
        List<Field<?>> fields = new ArrayList<>(PAGE_FIELDS);
        fields.addAll(List.of(more));
        return db.select(fields)
                .from(rows).leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .where(where)
                .orderBy(order)
                .limit(limit).offset(offset);
    }

    /**
     * A row of a page's statement ({@link #PAGE_FIELDS} first) as the page's row, read from the driver by column: the
     * title and text as the bytes the database sent ({@link WrittenSummaries}: written into the JSON as they are, made
     * strings only for a page that shows them); the deadline as a {@code LocalDate} straight from the driver's binary
     * value once the statement is prepared (its {@code getDate} went through a {@code GregorianCalendar} for every row,
     * 4-6 % of a page's CPU, and its {@code getString} made the binary date a {@code LocalDate} and then text, which
     * was parsed again: issue 14).
     */
    private static WrittenSummaries.Row summary(java.sql.ResultSet r, LeadNames leads) throws java.sql.SQLException {
        java.sql.Array groupIds = r.getArray(9);
        return new WrittenSummaries.Row(r.getLong(1), r.getLong(2), r.getString(3), r.getBytes(4), r.getBytes(5),
                TaskStatus.valueOf(r.getString(6)), r.getObject(7, LocalDate.class),
                leads.of((Long[]) r.getArray(8).getArray(), groupIds == null ? null : (Long[]) groupIds.getArray()),
                r.getString(10), r.getBoolean(11));
    }

    /** How many tasks of each status the scope sees, for a dashboard: exact, from the kept counts ({@link TaskStatusCounts}). */
    @Transactional(readOnly = true)
    public Map<TaskStatus, Long> countByStatus(DataScope scope) {
        return statusCounts.byStatus(scope);
    }

    /**
     * The ledger's condition on TASK for a filter in a scope (its sort and page aside): whoever counts tasks "as the
     * ledger would list them" (the dashboard, the export) starts from it.
     */
    @Transactional(readOnly = true)
    public Condition where(LedgerFilter filter, DataScope scope) {
        return where(filter, scope, TaskConditions.OWN);
    }

    /**
     * {@link #where} rendered on plans' published view {@code plans_task} instead of TASK: another module counting
     * tasks "as the ledger would list them" puts it on its own query of the view, which then reads the tasks once (a
     * semi-join {@code plans_task.id in (select id from task where …)} read them twice).
     */
    @Transactional(readOnly = true)
    public Condition wherePublished(LedgerFilter filter, DataScope scope) {
        return where(filter, scope, TaskConditions.PUBLISHED);
    }

    private Condition where(LedgerFilter filter, DataScope scope, TaskConditions.On on) {
        return where(filter, scope, on, leadPath(filter));
    }

    private Condition where(LedgerFilter filter, DataScope scope, TaskConditions.On on, Optional<String> leadPath) {
        return on.visibleTo(scope).and(matching(filter, on, leadPath));
    }

    /**
     * The path of the filter's lead unit (empty for an unknown unit: no task), null without one; kept a few seconds by
     * units ({@link KeptUnitPaths}): the root office's Q2 asked it with a statement of its own at every page.
     */
    private Optional<String> leadPath(LedgerFilter filter) {
        return filter.leadUnitId() == null ? null : unitPaths.path(filter.leadUnitId());
    }

    @Transactional(readOnly = true)
    public TaskDetail get(long taskId, DataScope scope) {
        return get(taskId, scope, true);
    }

    /**
     * The task as a command writing a report on it reads it: {@link #get} without its milestones and history (both
     * lists empty), which such a command neither checks nor answers with; two statements fewer per report. Its
     * indicators and obligations are read only {@code withTargets} (empty lists otherwise): a report checks its
     * measurements and obligation records against them, and one with neither needs neither (two statements fewer).
     */
    @Transactional(readOnly = true)
    public TaskDetail forReporting(long taskId, DataScope scope, boolean withTargets) {
        return get(taskId, scope, false, withTargets);
    }

    private TaskDetail get(long taskId, DataScope scope, boolean whole) {
        return get(taskId, scope, whole, true);
    }

    private TaskDetail get(long taskId, DataScope scope, boolean whole, boolean withTargets) {
        // the responsible person and the lead and supporting units (as arrays beside the row: a second statement before
        // session 17, at every report's submission and task page) with the task's row in one statement (issue 14),
        // rendered once per kind of scope (RenderedStatements), the id and the scope's path bound at each request: one
        // text for every unit, kept prepared with one generic plan (session 25; one per unit before, planned afresh)
        TaskConditions.BoundScope visible = TaskConditions.visibleToById(scope);
        List<Object> binds = new ArrayList<>(visible.binds().size() + 1);
        binds.add(taskId);
        binds.addAll(visible.binds());
        var task = db.resultQuery(statements.sqlWithBinds(List.of("task-with-units", visible.kind()), () -> db.select(TASK_WITH_UNITS)
                        .from(TASK).join(PLAN).on(PLAN.ID.eq(TASK.PLAN_ID))
                        .leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                        .crossJoin(UNITS_OF_TASK)
                        .where(TASK.ID.eq(taskId).and(visible.condition())), binds), binds.toArray())
                .coerce(TASK_WITH_UNITS).fetchOptional().orElseThrow(() -> new TaskNotFound(taskId));
        Map<UnitRole, List<AssignedUnit>> units = unitsOf(task);
        return detail(task, units.getOrDefault(UnitRole.LEAD, List.of()), units.getOrDefault(UnitRole.SUPPORTING, List.of()),
                whole ? milestones(taskId) : List.of(), withTargets ? indicators(taskId) : List.of(),
                withTargets ? obligations(taskId) : List.of(), whole ? history(taskId) : List.of());
    }

    /**
     * Many tasks as {@link #get} reads each, without their history (an empty list), in six statements whatever their
     * number rather than six per task (a plan's breakdown of thousands of tasks); in the order of {@code taskIds},
     * those outside the scope left out.
     */
    @Transactional(readOnly = true)
    public List<TaskDetail> details(List<Long> taskIds, DataScope scope) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        Map<Long, org.jooq.Record> rows = db.select(TASK_FIELDS).from(TASK).join(PLAN).on(PLAN.ID.eq(TASK.PLAN_ID))
                .leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .where(TASK.ID.in(taskIds).and(TaskConditions.visibleTo(scope)))
                .fetchMap(TASK.ID);
        Set<Long> ids = rows.keySet();
        Map<Long, List<AssignedUnit>> leads = units(ids, UnitRole.LEAD);
        Map<Long, List<AssignedUnit>> supporting = units(ids, UnitRole.SUPPORTING);
        Map<Long, List<Milestone>> milestones = milestonesOf(ids);
        Map<Long, List<Indicator>> indicators = indicatorsOf(ids);
        Map<Long, List<Obligation>> obligations = obligationsOf(ids);
        return taskIds.stream().distinct().filter(rows::containsKey)
                .map(id -> detail(rows.get(id), leads.getOrDefault(id, List.of()), supporting.getOrDefault(id, List.of()),
                        milestones.getOrDefault(id, List.of()), indicators.getOrDefault(id, List.of()),
                        obligations.getOrDefault(id, List.of()), List.of()))
                .toList();
    }

    /** A task's detail from its row ({@link #TASK_FIELDS}) and its lists. */
    private static TaskDetail detail(org.jooq.Record task, List<AssignedUnit> leads, List<AssignedUnit> supporting,
                                     List<Milestone> milestones, List<Indicator> indicators, List<Obligation> obligations,
                                     List<TaskHistoryEntry> history) {
        ResponsiblePerson person = task.get(UNITS_PERSON.ID) == null ? null : new ResponsiblePerson(
                task.get(UNITS_PERSON.NAME), task.get(UNITS_PERSON.POST), task.get(UNITS_PERSON.UNIT_ID), task.get(UNITS_PERSON.PHONE));
        return new TaskDetail(task.get(TASK.ID), task.get(TASK.PLAN_ID), task.get(PLAN.TITLE), task.get(TASK.REF), task.get(TASK.TITLE),
                task.get(TASK.TEXT), task.get(TASK.MEASURES), TaskStatus.valueOf(task.get(TASK.STATUS)), task.get(TASK.ONGOING),
                task.get(TASK.DEADLINE), task.get(TASK.VERSION), leads, supporting, task.get(TASK.RESPONSIBLE_PERSON_ID), person,
                milestones, indicators, obligations, history);
    }

    /** Those of these tasks that exist and are neither closed nor cancelled ({@link #isOpen} of many at once). */
    @Transactional(readOnly = true)
    public Set<Long> openAmong(Collection<Long> taskIds) {
        Set<Long> open = new HashSet<>();
        if (!taskIds.isEmpty()) {
            db.select(TASK.ID, TASK.STATUS).from(TASK).where(TASK.ID.in(taskIds))
                    .forEach(r -> {
                        if (TaskStatus.valueOf(r.value2()).isOpen()) {
                            open.add(r.value1());
                        }
                    });
        }
        return open;
    }

    /** Whether the task exists and is neither closed nor cancelled: nothing is sent about one that is. */
    @Transactional(readOnly = true)
    public boolean isOpen(long taskId) {
        return db.select(TASK.STATUS).from(TASK).where(TASK.ID.eq(taskId)).fetchOptional(TASK.STATUS)
                .map(status -> TaskStatus.valueOf(status).isOpen()).orElse(false);
    }

    /** The task's status; none when there is no such task. For a module acting on a task outside the caller's scope. */
    @Transactional(readOnly = true)
    public java.util.Optional<TaskStatus> status(long taskId) {
        return db.select(TASK.STATUS).from(TASK).where(TASK.ID.eq(taskId)).fetchOptional(TASK.STATUS).map(TaskStatus::valueOf);
    }

    /** When each of the tasks last moved to CLOSED (its history's last closing); a task never closed is absent. */
    @Transactional(readOnly = true)
    public Map<Long, java.time.Instant> lastClosedAt(Collection<Long> taskIds) {
        var at = org.jooq.impl.DSL.max(TASK_HISTORY.OCCURRED_AT);
        return db.select(TASK_HISTORY.TASK_ID, at).from(TASK_HISTORY)
                .where(TASK_HISTORY.TASK_ID.in(taskIds).and(TASK_HISTORY.TO_STATUS.eq(TaskStatus.CLOSED.name())))
                .groupBy(TASK_HISTORY.TASK_ID)
                .fetchMap(TASK_HISTORY.TASK_ID, r -> r.get(at).toInstant());
    }

    /** Whether a unit at {@code unitPath} (or one of its sub-units) leads the task. */
    /**
     * The task, for an office-level act on it (an edit, an office command, a notice, a ledger entry, an
     * instruction): only when the caller governs the unit that runs its plan; "not found" otherwise, even when
     * the caller may read it (a county office reads the city's tasks its county takes part in).
     */
    @Transactional(readOnly = true)
    public TaskDetail governed(long taskId, org.rectify.access.Caller caller) {
        TaskDetail task = get(taskId, caller.scope());
        if (!isGovernedBy(taskId, caller)) {
            throw new TaskNotFound(taskId);
        }
        return task;
    }

    /**
     * The task for a command or an edit: unit staff and heads reach the tasks in their scope (their role limits
     * them to their own unit's); every other role only the tasks of plans it governs ({@link #governed}).
     */
    @Transactional(readOnly = true)
    public TaskDetail toActOn(long taskId, org.rectify.access.Caller caller) {
        return caller.role().isUnitRole() ? get(taskId, caller.scope()) : governed(taskId, caller);
    }

    /** Which of these tasks are of plans the caller governs (see {@link #governed}), for the buttons of a list. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> governedAmong(Collection<Long> taskIds, org.rectify.access.Caller caller) {
        if (taskIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(db.select(TASK.ID).from(TASK)
                .where(TASK.ID.in(taskIds).and(TaskConditions.governedBy(caller))).fetch(TASK.ID));
    }

    /** Whether the caller governs the unit that runs the task's plan (see {@link #governed}). */
    @Transactional(readOnly = true)
    public boolean isGovernedBy(long taskId, org.rectify.access.Caller caller) {
        return db.fetchExists(TASK, TASK.ID.eq(taskId).and(TaskConditions.governedBy(caller)));
    }

    @Transactional(readOnly = true)
    public boolean isLedFrom(long taskId, String unitPath) {
        return db.fetchExists(TASK, TASK.ID.eq(taskId).and(TaskConditions.ledFrom(unitPath)));
    }

    /** The lead units of these tasks as a reader of the plan names them (a group once). */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> leadUnitNames(Collection<Long> taskIds) {
        Map<Long, List<String>> names = new java.util.HashMap<>();
        units(taskIds, UnitRole.LEAD).forEach((task, units) -> names.put(task, TaskDetail.namesAsWritten(units)));
        return names;
    }

    /** Whether a unit at {@code unitPath} (or one of its sub-units) supports the task. */
    @Transactional(readOnly = true)
    public boolean isSupportedFrom(long taskId, String unitPath) {
        return db.fetchExists(db.selectOne().from(TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
                .where(TASK_UNIT.TASK_ID.eq(taskId).and(TASK_UNIT.ROLE.eq(UnitRole.SUPPORTING))
                        .and(UnitPaths.within(UNITS_DIRECTORY.PATH, unitPath))));
    }

    /**
     * The lead ({@code lead}) or supporting duties of units within {@code unitPath} (null: every unit) on tasks in one
     * of {@code statuses}, optionally of one plan; one entry per task and unit, in plan order. Not scoped: the caller
     * applies its own rules (the progress module: who reports on what).
     */
    @Transactional(readOnly = true)
    public List<UnitDuty> duties(String unitPath, Long planId, Set<TaskStatus> statuses, boolean lead) {
        return duties(lead, dutiesOf(unitPath, planId, statuses));
    }

    /**
     * {@link #duties} of lead units on tasks with obligations ({@link #obligationsOf}): what compliance with them is
     * counted for, without reading the other duties (a plan's 32,000 at 1,000,000 tasks, to keep a handful).
     */
    @Transactional(readOnly = true)
    public List<UnitDuty> leadDutiesUnderObligations(String unitPath, Long planId, Set<TaskStatus> statuses) {
        return duties(true, dutiesOf(unitPath, planId, statuses).and(TASK.ID.in(select(OBLIGATION.TASK_ID).from(OBLIGATION))));
    }

    private List<UnitDuty> duties(boolean lead, Condition where) {
        return db.select(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK.STATUS,
                        UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, UNITS_GROUP.ID, UNITS_GROUP.NAME)
                .from(TASK_UNIT).join(TASK).on(TASK.ID.eq(TASK_UNIT.TASK_ID))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
                .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
                .where(TASK_UNIT.ROLE.eq(lead ? UnitRole.LEAD : UnitRole.SUPPORTING).and(where))
                .orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID, TASK_UNIT.POSITION, UNITS_DIRECTORY.ID)
                .fetch(r -> duty(r, lead));
    }

    /** A duty from a row of the task, its unit and the group naming it ({@link OpenDuties} reads the same). */
    static UnitDuty duty(org.jooq.Record r, boolean lead) {
        return new UnitDuty(r.get(TASK.ID), r.get(TASK.PLAN_ID), r.get(TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(TASK.TITLE), r.get(TASK.TEXT)), TaskStatus.valueOf(r.get(TASK.STATUS)),
                r.get(UNITS_DIRECTORY.ID), r.get(UNITS_DIRECTORY.NAME), r.get(UNITS_GROUP.ID),
                r.get(UNITS_GROUP.NAME), lead);
    }

    private static Condition dutiesOf(String unitPath, Long planId, Set<TaskStatus> statuses) {
        Condition where = TASK.STATUS.in(statuses.stream().map(Enum::name).toList());
        if (unitPath != null) { // inline: the root office's path and a township's differ by 100,000 rows
            where = where.and(UnitPaths.withinInline(UNITS_DIRECTORY.PATH, unitPath));
        }
        if (planId != null) {
            where = where.and(TASK.PLAN_ID.eq(planId));
        }
        return where;
    }

    /** The obligations of many tasks at once, by task id (tasks without obligations are absent). */
    @Transactional(readOnly = true)
    public Map<Long, List<Obligation>> obligationsOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(OBLIGATION).where(OBLIGATION.TASK_ID.in(taskIds))
                .orderBy(OBLIGATION.TASK_ID, OBLIGATION.POSITION, OBLIGATION.ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(o -> o.getTaskId(), java.util.LinkedHashMap::new,
                        Collectors.mapping(o -> new Obligation(o.getSubject(), o.getAtLeast(),
                                Obligation.Period.valueOf(o.getPer()), o.getStartsOn(), o.getPhrase()), Collectors.toList())));
    }

    private Condition matching(LedgerFilter f, TaskConditions.On on, Optional<String> leadPath) {
        TaskConditions.Columns task = on.columns;
        Condition c = noCondition();
        if (f.planId() != null) {
            c = c.and(on.planId.eq(f.planId()));
        }
        c = c.and(on.inSection(f.section()));
        if (leadPath != null) {
            c = c.and(leadPath.map(on::ledFrom).orElse(org.jooq.impl.DSL.falseCondition()));
        }
        if (!f.statuses().isEmpty()) {
            // in the enum's order, as V40's index of open tasks lists them: PostgreSQL then sees the index's predicate
            // as this very condition and adds no bitmap of the status index to the bounded count's
            c = c.and(task.status().in(f.statuses().stream().sorted().map(Enum::name).toList()));
        }
        if (f.deadlineFrom() != null) {
            c = c.and(task.deadline().ge(f.deadlineFrom()));
        }
        if (f.deadlineTo() != null) {
            c = c.and(task.deadline().le(f.deadlineTo()));
        }
        if (f.figure() != null) {
            c = c.and(figures.of(f.figure(), on.id, task.status()));
        }
        if (f.responsible() != null && !f.responsible().isBlank()) {
            c = c.and(task.responsiblePersonId().in(db.select(UNITS_PERSON.ID).from(UNITS_PERSON)
                    .where(UNITS_PERSON.NAME.likeIgnoreCase(Like.containing(f.responsible()), '!'))));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String pattern = Like.containing(f.text());
            c = c.and(task.title().likeIgnoreCase(pattern, '!').or(task.text().likeIgnoreCase(pattern, '!'))
                    .or(task.measures().likeIgnoreCase(pattern, '!')));
        }
        return c;
    }

    /** A task's status as its place in the lifecycle ({@link StatusOrder}): 1 for the first of {@link TaskStatus}. */
    private static final Field<Integer> STATUS_RANK = placeOfStatus(Arrays.stream(TaskStatus.values()));

    /**
     * The order of a page. By deadline or last update, descending is ascending reversed to the last task (no deadline
     * first, then the latest; equal ones by id descending), so that one index (V79) serves both, read backwards.
     */
    private static List<OrderField<?>> order(LedgerFilter f) {
        boolean desc = f.descending();
        return switch (f.sort()) {
            case DEADLINE -> deadlineOrder(TASK.DEADLINE, TASK.ID, desc);
            case UPDATED -> List.of(desc ? TASK.UPDATED_AT.desc() : TASK.UPDATED_AT.asc(), desc ? TASK.ID.desc() : TASK.ID.asc());
            // lifecycle order then plan order, as StatusOrder reads statuses alone; here the filter's tasks, collected
            case STATUS -> {
                List<OrderField<?>> order = new ArrayList<>(List.of(desc ? STATUS_RANK.desc() : STATUS_RANK.asc()));
                order.addAll(planOrder(TASK.PLAN_ID, desc));
                yield order;
            }
            case REF -> planOrder(TASK.PLAN_ID, desc);
        };
    }

    /** Plan order by this plan column, then the task's position, then its id: a stable order, paging neither repeats nor skips. */
    private static List<OrderField<?>> planOrder(Field<Long> plan, boolean desc) {
        return planOrder(plan, TASK.POSITION, TASK.ID, desc);
    }

    /** {@link #planOrder(Field, boolean)} on these columns (a figure's copies of its tasks' plan and position). */
    private static List<OrderField<?>> planOrder(Field<Long> plan, Field<Integer> position, Field<Long> id, boolean desc) {
        return List.of(desc ? plan.desc() : plan.asc(), desc ? position.desc() : position.asc(), id.asc());
    }

    /**
     * By deadline, tasks without one last, then by id; descending is the whole of it reversed, so one index read either
     * way serves both (V79, V80).
     */
    private static List<OrderField<?>> deadlineOrder(Field<LocalDate> deadline, Field<Long> id, boolean desc) {
        return List.of(desc ? deadline.desc().nullsFirst() : deadline.asc().nullsLast(), desc ? id.desc() : id.asc());
    }

    private Map<Long, List<AssignedUnit>> units(Collection<Long> taskIds, UnitRole role) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return db.select(TASK_UNIT.TASK_ID, UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, UNITS_GROUP.ID, UNITS_GROUP.NAME)
                .from(TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
                .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
                .where(TASK_UNIT.TASK_ID.in(taskIds).and(TASK_UNIT.ROLE.eq(role)))
                .orderBy(TASK_UNIT.TASK_ID, TASK_UNIT.POSITION, TASK_UNIT.UNIT_ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new AssignedUnit(r.value2(), r.value3(), r.value4(), r.value5()),
                                Collectors.toList())));
    }

    /** The task's units by role, each role's in their order, from the arrays its row was read with ({@link #UNITS_OF_TASK}). */
    private static Map<UnitRole, List<AssignedUnit>> unitsOf(org.jooq.Record task) {
        String[] roles = task.get(UNIT_ROLES);
        if (roles == null) { // no units: the aggregates of no rows are null
            return Map.of();
        }
        Long[] ids = task.get(UNIT_IDS);
        String[] names = task.get(UNIT_NAMES);
        Long[] groupIds = task.get(GROUP_IDS);
        String[] groupNames = task.get(GROUP_NAMES);
        Map<UnitRole, List<AssignedUnit>> units = new java.util.EnumMap<>(UnitRole.class);
        for (int i = 0; i < roles.length; i++) {
            units.computeIfAbsent(UnitRole.valueOf(roles[i]), r -> new ArrayList<>())
                    .add(new AssignedUnit(ids[i], names[i], groupIds[i], groupNames[i]));
        }
        return units;
    }

    /** The milestones of many tasks, by task id, each task's in their order. */
    private Map<Long, List<Milestone>> milestonesOf(Collection<Long> taskIds) {
        return db.selectFrom(MILESTONE).where(MILESTONE.TASK_ID.in(taskIds))
                .orderBy(MILESTONE.TASK_ID, MILESTONE.POSITION, MILESTONE.ID).fetch().stream()
                .collect(Collectors.groupingBy(m -> m.getTaskId(),
                        Collectors.mapping(m -> new Milestone(m.getDueOn(), m.getDeliverable(), m.getPhrase()), Collectors.toList())));
    }

    /** The indicators of many tasks, by task id, each task's in their order. */
    private Map<Long, List<Indicator>> indicatorsOf(Collection<Long> taskIds) {
        return db.selectFrom(INDICATOR).where(INDICATOR.TASK_ID.in(taskIds))
                .orderBy(INDICATOR.TASK_ID, INDICATOR.POSITION, INDICATOR.ID).fetch().stream()
                .collect(Collectors.groupingBy(i -> i.getTaskId(), Collectors.mapping(i -> new Indicator(i.getName(),
                        Indicator.Comparator.ofSymbol(i.getComparator()), i.getTargetValue(), i.getUnitOfMeasure(),
                        i.getDueOn(), i.getBaseline(), i.getPhrase()), Collectors.toList())));
    }

    private List<Milestone> milestones(long taskId) {
        return db.resultQuery(statements.sqlById("task-milestones", () -> db.selectFrom(MILESTONE)
                        .where(MILESTONE.TASK_ID.eq(ID)).orderBy(MILESTONE.POSITION, MILESTONE.ID)), taskId)
                .coerce(MILESTONE)
                .fetch(m -> new Milestone(m.getDueOn(), m.getDeliverable(), m.getPhrase()));
    }

    private List<Indicator> indicators(long taskId) {
        return db.resultQuery(statements.sqlById("task-indicators", () -> db.selectFrom(INDICATOR)
                        .where(INDICATOR.TASK_ID.eq(ID)).orderBy(INDICATOR.POSITION, INDICATOR.ID)), taskId)
                .coerce(INDICATOR)
                .fetch(i -> new Indicator(i.getName(), Indicator.Comparator.ofSymbol(i.getComparator()), i.getTargetValue(),
                        i.getUnitOfMeasure(), i.getDueOn(), i.getBaseline(), i.getPhrase()));
    }

    private List<Obligation> obligations(long taskId) {
        return db.resultQuery(statements.sqlById("task-obligations", () -> db.selectFrom(OBLIGATION)
                        .where(OBLIGATION.TASK_ID.eq(ID)).orderBy(OBLIGATION.POSITION, OBLIGATION.ID)), taskId)
                .coerce(OBLIGATION)
                .fetch(o -> new Obligation(o.getSubject(), o.getAtLeast(), Obligation.Period.valueOf(o.getPer()),
                        o.getStartsOn(), o.getPhrase()));
    }

    private List<TaskHistoryEntry> history(long taskId) {
        return db.resultQuery(statements.sqlById("task-history", () -> db.selectFrom(TASK_HISTORY)
                        .where(TASK_HISTORY.TASK_ID.eq(ID))
                        .orderBy(TASK_HISTORY.OCCURRED_AT.desc(), TASK_HISTORY.ID.desc())), taskId)
                .coerce(TASK_HISTORY)
                .fetch(h -> new TaskHistoryEntry(h.getOccurredAt(), h.getActor(), h.getAction(),
                        h.getFromStatus() == null ? null : TaskStatus.valueOf(h.getFromStatus()),
                        h.getToStatus() == null ? null : TaskStatus.valueOf(h.getToStatus()), h.getReason(), h.getChanges()));
    }
}
