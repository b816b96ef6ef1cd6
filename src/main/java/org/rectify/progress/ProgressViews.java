package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.platform.PageSizes;
import org.rectify.platform.RenderedStatements;
import org.rectify.plans.DutyPage;
import org.rectify.plans.Indicator;
import org.rectify.plans.Obligation;
import org.rectify.plans.OpenDuties;
import org.rectify.plans.PagedDuties;
import org.rectify.plans.PagedDuty;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskNotFound;
import org.rectify.plans.UnitDuty;
import org.rectify.progress.internal.WrittenCycles;
import org.rectify.progress.internal.WrittenItems;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.count;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The views of progress: "due this cycle" for units, the cycle matrix for the office, a task's indicators against
 * their targets, and obligation compliance. Every query reads one cycle's slots through an index (by cycle and task,
 * or by unit and cycle), never all reports.
 */
@Service
@Transactional(readOnly = true)
public class ProgressViews {

    public static final int MATRIX_PAGE_SIZE = 50;

    /** Items a page of the due list over the API ({@link #duePage}) holds unless asked for another of {@link PageSizes#OFFERED}. */
    public static final int DUE_PAGE_SIZE = 100;

    private final DSLContext db;
    private final TaskLedger ledger;
    private final OpenDuties openDuties;
    private final Plans plans;
    private final Units units;
    private final ReportingCycles cycles;
    private final Clock clock;
    private final ProgressReports reports;
    private final ObligationRecords records;
    private final MatrixQueries matrixQueries;
    private final org.rectify.platform.KeptTotals totals;
    private final RenderedStatements statements;
    private final WrittenCycles writtenCycles;

    ProgressViews(DSLContext db, TaskLedger ledger, OpenDuties openDuties, Plans plans, Units units, ReportingCycles cycles,
                  Clock clock, ProgressReports reports, ObligationRecords records, MatrixTotals totals,
                  org.rectify.platform.RenderedStatements statements, WrittenCycles writtenCycles) {
        this.totals = totals.totals();
        this.statements = statements;
        this.writtenCycles = writtenCycles;
        this.db = db;
        this.ledger = ledger;
        this.openDuties = openDuties;
        this.plans = plans;
        this.units = units;
        this.cycles = cycles;
        this.clock = clock;
        this.reports = reports;
        this.records = records;
        this.matrixQueries = new MatrixQueries(db);
    }

    /**
     * For each plan in which units within the caller's unit lead open tasks: the plan's current cycle (or
     * {@code cycleId} when it is one of the plan's), each task × lead unit and its report's state; and the tasks
     * those units support. {@code planId} narrows to one plan. Outside a transaction, as {@link #duePage}.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public DueList due(Caller caller, Long planId, Long cycleId) {
        DutyPage all = openDuties.page(caller.scope().unitPath(), planId, 0, Integer.MAX_VALUE);
        return new DueList(dueOf(all, cycleId));
    }

    /**
     * One page of {@link #due}: the {@code page}-th {@code size} task × lead unit items (and as many of the supported
     * tasks), in plan order, each plan they fall in with its cycle; {@code size} one of {@link PageSizes#OFFERED}, else
     * {@link #DUE_PAGE_SIZE}. Reads only the page's duties and their slots: the root office's due list is the whole
     * province's. Past the last page the plans are empty; the totals count every item. Outside a transaction (a caller's
     * is joined): its reads are the page (rows and totals in one statement), its plans' cadences and its slots, each a
     * state the list had, and a read-only transaction around them cost two more round trips per request, {@code BEGIN
     * READ ONLY} and {@code COMMIT} (issue 14: the county's due list, 5 round trips to 3).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public DuePage duePage(Caller caller, Long planId, Long cycleId, int page, int size) {
        int pageSize = PageSizes.OFFERED.contains(size) ? size : DUE_PAGE_SIZE;
        int p = Math.max(0, page);
        DutyPage duties = openDuties.page(caller.scope().unitPath(), planId, (long) p * pageSize, pageSize);
        return new DuePage(dueOf(duties, cycleId), p, pageSize, duties.leadTotal(),
                duties.supportingTotal());
    }

    /**
     * The plans of these duties with their cycles and each duty's slot and contributions. Set-based whatever the
     * number of plans (issue 14): the plans' cadences, cycles, slots and contributions in one statement each (their
     * titles come with the duties).
     */
    private List<DueList.PlanDue> dueOf(DutyPage duties, Long cycleId) {
        // the rows as read: their refs and titles are written as the database sent them (WrittenItems)
        List<PagedDuty> leads = PagedDuties.rows(duties.lead());
        List<PagedDuty> supports = PagedDuties.rows(duties.supporting());
        Map<Long, List<PagedDuty>> leadsByPlan = leads.stream().collect(Collectors.groupingBy(PagedDuty::planId,
                LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<PagedDuty>> supportsByPlan = supports.stream().collect(Collectors.groupingBy(PagedDuty::planId,
                LinkedHashMap::new, Collectors.toList()));
        Set<Long> planIds = new LinkedHashSet<>(leadsByPlan.keySet());
        planIds.addAll(supportsByPlan.keySet());
        if (planIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> titles = duties.planTitles();
        ReportingCycles.PlanCadences cadences = cycles.cadences(planIds);
        // the same ~100 cycles in every due list of the plan: read only when their version moved, their JSON written
        // once (WrittenCycles)
        Map<Long, List<ReportingCycle>> cyclesByPlan = writtenCycles.of(planIds, cadences.cyclesVersions(),
                cycles::cyclesOfPlans);
        LocalDate today = ReportingCycles.today(clock); // not through the cycles' transactional proxy: a transaction of its own
        // each plan's cycle: the one asked for when it is the plan's, else the current one
        Map<Long, ReportingCycle> shown = new HashMap<>();
        for (long plan : planIds) {
            List<ReportingCycle> all = cyclesByPlan.getOrDefault(plan, List.of());
            all.stream().filter(c -> cycleId != null && c.id() == cycleId).findFirst()
                    .or(() -> ReportingCycles.current(all, today)).ifPresent(c -> shown.put(plan, c));
        }
        List<PagedDuty> shownLeads = leads.stream().filter(d -> shown.containsKey(d.planId())).toList();
        DueContributions contributed = new DueContributions(new HashMap<>(), new HashMap<>());
        Map<SlotKey, SlotStatus> slots = slotsAndContributions(shown, shownLeads,
                supports.stream().filter(d -> shown.containsKey(d.planId())).toList(), today, contributed);
        List<DueList.PlanDue> out = new ArrayList<>();
        WrittenItems.Names names = new WrittenItems.Names(); // the page's unit and group names, each encoded once
        for (long plan : planIds) {
            ReportingCycle cycle = shown.get(plan);
            SlotStatus none = cycle == null ? SlotStatus.MISSING : missing(cycle, today); // the plan's items without a slot
            List<WrittenItems.ItemRow> items = new ArrayList<>();
            List<WrittenItems.SupportRow> supporting = new ArrayList<>();
            for (PagedDuty d : leadsByPlan.getOrDefault(plan, List.of())) {
                SlotKey slot = cycle == null ? null : new SlotKey(cycle.id(), d.taskId(), d.unitId());
                SlotStatus status = cycle == null ? none : slots.getOrDefault(slot, none);
                int count = cycle == null ? 0 : contributed.byLead().getOrDefault(slot, 0);
                items.add(new WrittenItems.ItemRow(d, status, count));
            }
            if (cycle != null) { // without a cycle there is nothing to contribute to
                for (PagedDuty d : supportsByPlan.getOrDefault(plan, List.of())) {
                    supporting.add(new WrittenItems.SupportRow(d,
                            contributed.bySupporter().getOrDefault(new SlotKey(cycle.id(), d.taskId(), d.unitId()), 0)));
                }
            }
            // the page's items and supported tasks written by hand (WrittenItems)
            out.add(new DueList.PlanDue(plan, titles.get(plan), cadences.byPlan().get(plan), cycle,
                    cyclesByPlan.get(plan), WrittenItems.itemRows(items, names),
                    WrittenItems.supportRows(supporting, names)));
        }
        return out;
    }

    /**
     * One cycle of a plan (default: the current one), a page of its open tasks with a cell per lead unit; narrowed to
     * the units within {@code unitId} and the tasks of {@code section}, and to cells in {@code state}. The counts (by
     * state and by unit) are over the whole filtered cycle, the cells only the page's. The office of the unit running
     * the plan sees every unit; others see the units within their own.
     */
    public CycleMatrix matrix(Caller caller, long planId, Long cycleId, Long unitId, String section, ReportState state,
                              int page) {
        return matrix(caller, planId, cycleId, unitId, section, state, page, MATRIX_PAGE_SIZE);
    }

    /** {@link #matrix} with {@code pageSize} rows a page (one of {@link PageSizes#OFFERED}, else the default). */
    public CycleMatrix matrix(Caller caller, long planId, Long cycleId, Long unitId, String section, ReportState state,
                              int page, int pageSize) {
        return matrixOf(caller, planId, cycleId, unitId, section, state, page,
                PageSizes.OFFERED.contains(pageSize) ? pageSize : MATRIX_PAGE_SIZE);
    }

    /** {@link #matrix} with every row on one page (the export), computed once. */
    public CycleMatrix wholeMatrix(Caller caller, long planId, Long cycleId, Long unitId, String section, ReportState state) {
        return matrixOf(caller, planId, cycleId, unitId, section, state, 0, Integer.MAX_VALUE);
    }

    private CycleMatrix matrixOf(Caller caller, long planId, Long cycleId, Long unitId, String section, ReportState state,
                                 int page, int pageSize) {
        PlanSummary plan = plans.get(planId);
        List<ReportingCycle> all = cycles.cycles(planId);
        ReportingCadence cadence = cycles.cadence(planId).orElse(null);
        ReportingCycle cycle = cycleId == null ? null : all.stream().filter(c -> c.id() == cycleId).findFirst()
                .orElseThrow(() -> new ReportNotFound("progress.cycle.notFound", cycleId));
        if (cycle == null) {
            cycle = cycles.current(planId).orElse(null);
        }
        Map<ReportState, Integer> counts = new EnumMap<>(ReportState.class);
        if (cycle == null) {
            return new CycleMatrix(planId, plan.title(), cadence, null, all, List.of(), counts, 0, 0, 0, pageSize,
                    List.of(), false);
        }
        LocalDate today = cycles.today();
        MatrixQueries.Scope scope = new MatrixQueries.Scope(planId,
                ReportingCycles.REPORTING.stream().map(Enum::name).toList(), section == null ? null : section.strip(),
                unitPath(caller, planId, unitId), cycle, today, clock.getZone());
        Map<Long, CycleMatrix.UnitSummary> perUnit = new LinkedHashMap<>();
        int submittedLate = 0;
        // a plan's thousands of cells counted once and kept until a report or task changes (MatrixTotals), as the ledger
        var tally = totals.figure(List.of("tally", scope), () -> matrixQueries.tally(scope),
                tallies -> tallies.stream().mapToLong(MatrixQueries.Tally::cells).sum());
        for (MatrixQueries.Tally t : tally.value()) {
            counts.merge(t.state(), t.cells(), Integer::sum);
            if (t.submittedLate()) {
                submittedLate += t.cells();
            }
            perUnit.merge(t.unitId(), CycleMatrix.UnitSummary.of(t.unitId(), t.unitName(), t.state(), t.submittedLate(),
                    t.cells()), CycleMatrix.UnitSummary::plus);
        }
        var totalRows = totals.count(db, List.of("rows", scope, state == null ? "" : state.name()),
                matrixQueries.rows(scope, state));
        // past the last page (an old link, a narrowed filter): the last one
        int p = (int) Math.min(Math.max(0, page), Math.max(0, (totalRows.value() - 1) / pageSize));
        List<MatrixQueries.TaskRow> tasks = totalRows.value() == 0 ? List.of()
                : matrixQueries.page(scope, state, offset(p, pageSize), pageSize);
        Map<Long, List<MatrixQueries.Cell>> cells = matrixQueries.cells(scope,
                tasks.stream().map(MatrixQueries.TaskRow::taskId).toList());
        List<CycleMatrix.Row> rows = new ArrayList<>();
        for (MatrixQueries.TaskRow t : tasks) {
            List<CycleMatrix.Cell> shown = new ArrayList<>();
            for (MatrixQueries.Cell c : cells.getOrDefault(t.taskId(), List.of())) {
                SlotStatus status = SlotStates.of(c.stored(), c.firstSubmitted(), c.latestReportId(), c.latestVersion(),
                        c.latestStatus(), c.submittedReportId(), cycle, today, clock.getZone());
                if (state == null || status.state() == state) {
                    shown.add(new CycleMatrix.Cell(c.unitId(), c.unitName(), status));
                }
            }
            rows.add(new CycleMatrix.Row(t.taskId(), t.ref(), t.title(), t.status(), List.copyOf(shown)));
        }
        List<CycleMatrix.UnitSummary> units = perUnit.values().stream()
                .sorted(Comparator.comparingInt(CycleMatrix.UnitSummary::late).reversed()
                        .thenComparing(Comparator.comparingInt(CycleMatrix.UnitSummary::notYet).reversed()))
                .toList();
        return new CycleMatrix(planId, plan.title(), cadence, cycle, all, List.copyOf(rows), counts, submittedLate,
                totalRows.value().intValue(), p, pageSize, units, tally.estimated() || totalRows.estimated());
    }

    private static int offset(int page, int pageSize) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0L, page) * pageSize);
    }

    /**
     * A task's indicators against their targets: the values of the version that counts of each cycle's report, by
     * date; of the lead units whose reports the caller reads ({@link ProgressReports#readableReports}).
     */
    public IndicatorHistory indicators(long taskId, Caller caller) {
        TaskDetail task;
        try {
            task = ledger.get(taskId, caller.scope());
        } catch (TaskNotFound e) {
            throw new ReportNotFound("progress.taskNotFound", taskId);
        }
        // the values of the reports the caller reads, by the report pages' rule
        Condition units = REPORT_SLOT.UNIT_ID.in(reports.readableReports(taskId, caller).leadUnitIds());
        Map<String, Indicator> targets = new LinkedHashMap<>();
        task.indicators().forEach(i -> targets.putIfAbsent(i.name(), i));
        Map<String, List<IndicatorHistory.Point>> points = new LinkedHashMap<>();
        targets.keySet().forEach(name -> points.put(name, new ArrayList<>()));
        db.select(MEASUREMENT.INDICATOR_NAME, MEASUREMENT.VALUE, MEASUREMENT.UNIT_OF_MEASURE, MEASUREMENT.AS_OF,
                        MEASUREMENT.SOURCE, UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, PROGRESS_REPORT.ID, PROGRESS_REPORT.VERSION)
                .from(REPORT_SLOT)
                .join(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID))
                .join(MEASUREMENT).on(MEASUREMENT.REPORT_ID.eq(PROGRESS_REPORT.ID))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(REPORT_SLOT.UNIT_ID))
                .where(REPORT_SLOT.TASK_ID.eq(taskId).and(units))
                .orderBy(MEASUREMENT.AS_OF, UNITS_DIRECTORY.NAME)
                .forEach(r -> {
                    Indicator target = targets.get(r.get(MEASUREMENT.INDICATOR_NAME));
                    points.computeIfAbsent(r.get(MEASUREMENT.INDICATOR_NAME), k -> new ArrayList<>())
                            .add(new IndicatorHistory.Point(r.get(MEASUREMENT.AS_OF), r.get(MEASUREMENT.VALUE),
                                    r.get(MEASUREMENT.UNIT_OF_MEASURE), r.get(MEASUREMENT.SOURCE), r.get(UNITS_DIRECTORY.ID),
                                    r.get(UNITS_DIRECTORY.NAME), r.get(PROGRESS_REPORT.ID), r.get(PROGRESS_REPORT.VERSION),
                                    target == null ? null : meets(target, r.get(MEASUREMENT.VALUE))));
                });
        List<IndicatorHistory.Series> series = points.entrySet().stream()
                .map(e -> new IndicatorHistory.Series(e.getKey(), targets.get(e.getKey()), List.copyOf(e.getValue())))
                .toList();
        return new IndicatorHistory(task.id(), task.ref(), task.displayTitle(), series);
    }

    /**
     * Per lead unit and obligation of a plan's open tasks: the records (distinct by date, body and topic) in the
     * submitted reports of the year, against the number the periods begun so far require.
     */
    public ObligationCompliance compliance(Caller caller, long planId, int year, Long unitId) {
        PlanSummary plan = plans.get(planId);
        String path = unitPath(caller, planId, unitId);
        List<UnitDuty> bound = ledger.leadDutiesUnderObligations(path, planId, ReportingCycles.REPORTING);
        Map<Long, List<Obligation>> obligations = ledger.obligationsOf(bound.stream().map(UnitDuty::taskId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, Integer> recorded = new HashMap<>();
        if (!bound.isEmpty()) {
            records.of(REPORT_SLOT.TASK_ID.in(bound.stream().map(UnitDuty::taskId).collect(Collectors.toSet())), from, to)
                    .forEach(r -> recorded.merge(r.taskId() + "/" + r.unitId() + "/" + r.subject(), 1, Integer::sum));
        }
        LocalDate today = cycles.today();
        List<ObligationCompliance.Row> rows = new ArrayList<>();
        for (UnitDuty d : bound) {
            for (Obligation o : obligations.getOrDefault(d.taskId(), List.of())) {
                int required = o.atLeast() * ObligationPeriods.begun(o, year, today).size();
                int count = recorded.getOrDefault(d.taskId() + "/" + d.unitId() + "/" + o.subject(), 0);
                rows.add(new ObligationCompliance.Row(d.unitId(), d.unitName(), d.taskId(), d.ref(), o, required, count));
            }
        }
        rows.sort(Comparator.comparing(ObligationCompliance.Row::unitName).thenComparing(ObligationCompliance.Row::taskRef));
        return new ObligationCompliance(planId, plan.title(), year, rows);
    }

    /** The ids of the units leading a plan's reporting tasks (the open ones, {@link ReportingCycles#REPORTING}). */
    public Set<Long> leadUnitIds(long planId) {
        return openDuties.leadUnitsOf(planId);
    }

    /** Whether the caller sees all of a plan's units: an administrator, or the office etc. of the unit running it. */
    public boolean seesWholePlan(Caller caller, long planId) {
        DataScope scope = caller.scope();
        return scope.isAll() || (scope.ownPlans() && plans.isRunFrom(planId, scope.unitPath()));
    }

    // ---- inside

    private String unitPath(Caller caller, long planId, Long unitId) {
        boolean whole = seesWholePlan(caller, planId);
        Unit filter = unitId == null ? null : units.find(unitId).orElse(null);
        if (filter != null && (whole || caller.scope().includesUnitAt(filter.path()))) {
            return filter.path();
        }
        return whole ? null : caller.scope().unitPath();
    }

    /** How many contributions each lead unit received and each supporting unit made, by cycle, task and unit. */
    private record DueContributions(Map<SlotKey, Integer> byLead, Map<SlotKey, Integer> bySupporter) {
    }

    /** A row of {@link #slotsAndContributions}' statement: a slot and its latest report's version and status. */
    private static final org.jooq.Field<Integer> SLOT_ROW = inline(0).as("kind");
    /** A row of {@link #slotsAndContributions}' statement: a count of contributions by a unit to a lead unit's slot. */
    private static final org.jooq.Field<Integer> CONTRIBUTION_ROW = inline(1).as("kind");

    /**
     * The slots of these lead duties in their plan's shown cycle, by cycle, task and unit; and into {@code contributed}
     * the contributions in these cycles on the lead and the supported tasks: one statement, one round trip (issue 14:
     * they were two), its rows told apart by their first column. Arrays, not lists: one bind value each however long
     * the root office's whole list is, and the statement rendered once (RenderedStatements). Each array is given as a
     * scalar subquery's value ({@link #hidden}), so PostgreSQL plans the statement once per connection and not at each
     * request (issue 14).
     */
    private Map<SlotKey, SlotStatus> slotsAndContributions(Map<Long, ReportingCycle> shown, List<PagedDuty> leads,
                                                           List<PagedDuty> supports, LocalDate today,
                                                           DueContributions contributed) {
        Map<SlotKey, SlotStatus> out = new HashMap<>();
        if (leads.isEmpty() && supports.isEmpty()) {
            return out;
        }
        Map<Long, ReportingCycle> byId = new HashMap<>();
        shown.values().forEach(c -> byId.put(c.id(), c));
        Long[] cycleIds = byId.keySet().toArray(Long[]::new);
        Long[] leadTaskIds = distinct(leads, List.of(), PagedDuty::taskId);
        Long[] unitIds = distinct(leads, List.of(), PagedDuty::unitId);
        Long[] taskIds = distinct(leads, supports, PagedDuty::taskId);
        List<Object> binds = List.of(cycleIds, leadTaskIds, unitIds, cycleIds, taskIds);
        // read from the driver by column number: kind, cycle, task, (lead) unit, then a slot's state, first submission,
        // latest and submitted report, the latest's version and status, or a contribution's unit and count
        statements.rows(statements.sqlWithBinds("due-slots-and-contributions", () -> db.select(SLOT_ROW,
                                REPORT_SLOT.CYCLE_ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.STATE,
                                REPORT_SLOT.FIRST_SUBMITTED_AT, REPORT_SLOT.LATEST_REPORT_ID, REPORT_SLOT.SUBMITTED_REPORT_ID,
                                PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS, castNull(Long.class), castNull(Integer.class))
                        .from(REPORT_SLOT).leftJoin(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                        .where(REPORT_SLOT.CYCLE_ID.eq(any(hidden(cycleIds))).and(REPORT_SLOT.TASK_ID.eq(any(hidden(leadTaskIds))))
                                .and(REPORT_SLOT.UNIT_ID.eq(any(hidden(unitIds)))))
                        .unionAll(select(CONTRIBUTION_ROW, REPORT_CONTRIBUTION.CYCLE_ID, REPORT_CONTRIBUTION.TASK_ID,
                                REPORT_CONTRIBUTION.LEAD_UNIT_ID, castNull(REPORT_SLOT.STATE), castNull(REPORT_SLOT.FIRST_SUBMITTED_AT),
                                castNull(Long.class), castNull(Long.class), castNull(Integer.class), castNull(PROGRESS_REPORT.STATUS),
                                REPORT_CONTRIBUTION.UNIT_ID, count())
                                .from(REPORT_CONTRIBUTION)
                                .where(REPORT_CONTRIBUTION.CYCLE_ID.eq(any(hidden(cycleIds))).and(REPORT_CONTRIBUTION.TASK_ID.eq(any(hidden(taskIds)))))
                                .groupBy(REPORT_CONTRIBUTION.CYCLE_ID, REPORT_CONTRIBUTION.TASK_ID,
                                        REPORT_CONTRIBUTION.LEAD_UNIT_ID, REPORT_CONTRIBUTION.UNIT_ID)), binds), binds, r -> {
                    long cycle = r.getLong(2);
                    long task = r.getLong(3);
                    long unit = r.getLong(4);
                    if (r.getInt(1) == 0) {
                        String latestStatus = r.getString(10);
                        out.put(new SlotKey(cycle, task, unit), SlotStates.of(ReportState.valueOf(r.getString(5)),
                                r.getObject(6, java.time.OffsetDateTime.class), RenderedStatements.nullableLong(r, 7),
                                RenderedStatements.nullableInt(r, 9), latestStatus == null ? null : VersionStatus.valueOf(latestStatus),
                                RenderedStatements.nullableLong(r, 8), byId.get(cycle), today, clock.getZone()));
                    } else {
                        int count = r.getInt(12);
                        contributed.byLead().merge(new SlotKey(cycle, task, unit), count, Integer::sum);
                        contributed.bySupporter().merge(new SlotKey(cycle, task, r.getLong(11)), count, Integer::sum);
                    }
                    return cycle;
                });
        return out;
    }

    /**
     * An array of ids bound as the value of a scalar subquery, {@code cast((select ?) as bigint[])}: PostgreSQL plans a
     * statement whose arrays it sees afresh at each execution (a custom plan; the slots statement's values were
     * estimated element by element against the columns' statistics, 0.3-0.7 ms at each county request, twice its
     * execution) and keeps one plan for every execution only when the estimates do not depend on the values. A
     * subquery's value is not known when planning, so each plan is the one made without the values, which PostgreSQL
     * then keeps after five: the same index scans (by task and cycle, the units a filter).
     */
    private static org.jooq.Field<Long[]> hidden(Long[] ids) {
        return org.jooq.impl.DSL.field(select(val(ids))).cast(org.jooq.impl.SQLDataType.BIGINT.getArrayDataType());
    }

    private SlotStatus missing(ReportingCycle cycle, LocalDate today) {
        return SlotStates.of(null, null, null, null, null, null, cycle, today, clock.getZone());
    }

    /**
     * A cycle's slot of a task and unit, as a map's key: a string of the three built per item and per row was 1-2 % of
     * a county office's due list in a flight recording.
     */
    private record SlotKey(long cycleId, long taskId, long unitId) {
    }

    /** The distinct ids of two lists of duties, in their order, as one bind value (a loop: the streams cost more). */
    private static Long[] distinct(List<PagedDuty> first, List<PagedDuty> second, java.util.function.ToLongFunction<PagedDuty> id) {
        Set<Long> ids = new LinkedHashSet<>(2 * (first.size() + second.size()));
        for (PagedDuty d : first) {
            ids.add(id.applyAsLong(d));
        }
        for (PagedDuty d : second) {
            ids.add(id.applyAsLong(d));
        }
        return ids.toArray(Long[]::new);
    }

    static boolean meets(Indicator target, java.math.BigDecimal value) {
        int c = value.compareTo(target.targetValue());
        return switch (target.comparator()) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case EQUAL -> c == 0;
        };
    }
}
