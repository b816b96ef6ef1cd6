package org.rectify.insight.internal;

import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.rectify.access.DataScope;
import org.rectify.plans.UnitRole;
import org.rectify.units.api.tables.UnitsDirectory;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.DueReports;
import org.rectify.progress.ObligationRecords;
import org.rectify.progress.ReportingCycles;
import org.rectify.supervision.CircularFacts;
import org.rectify.supervision.CircularPeriod;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.trunc;
import static org.rectify.plans.api.Tables.PLANS_INDICATOR;
import static org.rectify.plans.api.Tables.PLANS_OBLIGATION;
import static org.rectify.plans.api.Tables.PLANS_PLAN;
import static org.rectify.progress.api.Tables.PROGRESS_MEASUREMENT;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_HISTORY;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.supervision.api.Tables.SUPERVISION_LEVEL_CHANGE;

/**
 * The dashboard's query layer: every figure is an aggregate over the ledger's own condition for the filter
 * ({@link TaskLedger#wherePublished}: rendered on plans' published {@code plans_task}, as insight reads every other
 * module's facts through the owner's views) and the figure's one definition ({@link TaskFigureConditions}), a handful of grouped
 * queries whatever the number of tasks, never a loop over tasks. The headline, the bars and the burn-up are read from
 * the counts kept ready ({@link CountedFigures}) whenever they answer the filter, else counted here.
 */
@Component
@Transactional(readOnly = true)
class Figures {

    static final int MAX_UNITS = 20;
    static final int MAX_INDICATORS = 30;
    static final int TREND_WEEKS = 12;
    private static final int MAX_MONTHS = 120;

    private final DSLContext db;
    private final TaskLedger ledger;
    private final TaskFigureConditions figures;
    private final DueReports dueReports;
    private final ObligationRecords obligationRecords;
    private final Units units;
    private final CountedFigures counted;
    private final Clock clock;

    Figures(DSLContext db, TaskLedger ledger, TaskFigureConditions figures, DueReports dueReports,
            ObligationRecords obligationRecords, Units units, CountedFigures counted, Clock clock) {
        this.counted = counted;
        this.db = db;
        this.ledger = ledger;
        this.figures = figures;
        this.dueReports = dueReports;
        this.obligationRecords = obligationRecords;
        this.units = units;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The whole dashboard. {@code unitsUnder}: whose sub-units the bars rank (null: the top of the caller's tree). */
    Dashboard dashboard(InsightFilter filter, DataScope scope, Long unitsUnder) {
        Condition tasks = tasks(filter, scope);
        LocalDate today = today();
        Optional<String> key = counted.key(filter, scope);
        Dashboard.Headline headline = headline(key, filter, tasks, today);
        List<Dashboard.UnitRow> bars = counted.units(filter, scope, unitsUnder).orElseGet(() -> units(tasks, unitsUnder));
        List<Dashboard.MonthPoint> burnUp = key.map(k -> burnUp(counted.months(k, filter), today)).orElseGet(() -> burnUp(tasks, today));
        List<Dashboard.WeekPoint> trend = key.map(k -> trend(counted.weeks(k, filter, firstMonday(today)), today))
                .orElseGet(() -> trend(tasks, today));
        return new Dashboard(today, headline, bars, burnUp, trend, reporting(filter, scope, today), indicators(tasks),
                compliance(tasks, filter, scope, today.getYear()));
    }

    /** The headline alone (the briefing's sections): from the kept counts when they answer the filter, else live. */
    Dashboard.Headline headline(InsightFilter filter, DataScope scope) {
        return headline(counted.key(filter, scope), filter, tasks(filter, scope), today());
    }

    private Dashboard.Headline headline(Optional<String> key, InsightFilter filter, Condition tasks, LocalDate today) {
        return key.map(k -> headline(counted.headline(k, filter), counted.lastDeadline(k, filter), tasks, today))
                .orElseGet(() -> headline(tasks, today));
    }

    /** The headline from the kept counts; the span of time elapsed from the plans and the last deadline (kept too). */
    private Dashboard.Headline headline(CountedFigures.Counted c, LocalDate end, Condition tasks, LocalDate today) {
        LocalDate start = c.planIds().isEmpty() ? null
                : db.select(min(PLANS_PLAN.ISSUED_ON)).from(PLANS_PLAN).where(PLANS_PLAN.ID.in(c.planIds())).fetchOne(0, LocalDate.class);
        if (start == null && c.total() > 0) {
            OffsetDateTime created = db.select(min(PLANS_TASK.CREATED_AT)).from(PLANS_TASK).where(tasks).fetchOne(0, OffsetDateTime.class);
            start = created == null ? null : created.atZoneSameInstant(clock.getZone()).toLocalDate();
        }
        return new Dashboard.Headline(c.total(), c.counts(), percent(c.counts().get(TaskFigure.CLOSED), c.total()), elapsed(start, end, today),
                start);
    }

    /** The ledger's tasks for the filter, as a condition on plans' published {@code plans_task} (read once). */
    Condition tasks(InsightFilter filter, DataScope scope) {
        return ledger.wherePublished(filter.ledger(), scope);
    }

    Dashboard.Headline headline(Condition tasks, LocalDate today) {
        List<Field<?>> fields = new ArrayList<>(List.of(count(), min(PLANS_PLAN.ISSUED_ON), min(PLANS_TASK.CREATED_AT), max(PLANS_TASK.DEADLINE)));
        fields.addAll(figureCounts());
        Record r = db.select(fields).from(PLANS_TASK).join(PLANS_PLAN).on(PLANS_PLAN.ID.eq(PLANS_TASK.PLAN_ID)).where(tasks).fetchOne();
        long total = r.get(0, Long.class);
        Map<TaskFigure, Long> counts = counts(r);
        LocalDate start = r.get(1, LocalDate.class) != null ? r.get(1, LocalDate.class)
                : r.get(2, OffsetDateTime.class) == null ? null : r.get(2, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate end = r.get(3, LocalDate.class);
        return new Dashboard.Headline(total, counts, percent(counts.get(TaskFigure.CLOSED), total), elapsed(start, end, today), start);
    }

    /** The share of the time from {@code start} to {@code end} gone by {@code today}, in per cent. */
    static double elapsed(LocalDate start, LocalDate end, LocalDate today) {
        if (start == null || end == null || !end.isAfter(start)) {
            return end != null && today.isAfter(end) ? 100.0 : 0.0;
        }
        double share = (double) ChronoUnit.DAYS.between(start, today) / ChronoUnit.DAYS.between(start, end);
        return Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10.0;
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /**
     * The sub-units of {@code parentId} (the top units when null), each with the tasks led from its subtree counted by
     * figure, as the ledger's "lead unit (with sub-units)" filter counts them; the most red first.
     */
    List<Dashboard.UnitRow> units(Condition tasks, Long parentId) {
        UnitsDirectory child = UNITS_DIRECTORY.as("child");
        Field<Long> unitId = child.ID;
        List<Field<?>> fields = new ArrayList<>(List.of(unitId, count().as("total")));
        fields.addAll(figureCounts());
        Map<Long, Dashboard.UnitRow> rows = new LinkedHashMap<>();
        db.select(fields).from(child).join(PLANS_TASK).on(TaskConditions.PUBLISHED.ledFrom(child.PATH))
                .where((parentId == null ? child.PARENT_ID.isNull() : child.PARENT_ID.eq(parentId)).and(child.VALID_TO.isNull()))
                .and(tasks).groupBy(unitId)
                .orderBy(field(TaskFigure.RED).desc(), field(TaskFigure.OVERDUE).desc(), field(TaskFigure.YELLOW).desc(),
                        count().desc(), unitId)
                .limit(MAX_UNITS)
                .forEach(r -> rows.put(r.get(unitId), new Dashboard.UnitRow(r.get(unitId), null, r.get("total", Long.class), counts(r))));
        Map<Long, String> names = units.names(rows.keySet());
        return rows.values().stream().map(u -> new Dashboard.UnitRow(u.unitId(), names.get(u.unitId()), u.total(), u.counts())).toList();
    }

    /** Each figure's count, named by the figure, over the rows of the query ({@code count(*) filter (where …)}). */
    private List<Field<Integer>> figureCounts() {
        return Arrays.stream(TaskFigure.values()).map(f -> count().filterWhere(figures.of(f, PLANS_TASK.ID, PLANS_TASK.STATUS)).as(f.name())).toList();
    }

    private static Map<TaskFigure, Long> counts(Record r) {
        Map<TaskFigure, Long> counts = new EnumMap<>(TaskFigure.class);
        for (TaskFigure f : TaskFigure.values()) {
            counts.put(f, r.get(f.name(), Long.class));
        }
        return counts;
    }

    private static Field<Integer> field(TaskFigure figure) {
        return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(figure.name()), Integer.class);
    }

    /** Month by month from the first deadline or closing to the last: due by the month's end, closed by then. */
    List<Dashboard.MonthPoint> burnUp(Condition tasks, LocalDate today) {
        Field<LocalDate> dueMonth = trunc(PLANS_TASK.DEADLINE, org.jooq.DatePart.MONTH);
        Map<YearMonth, Long> due = db.select(dueMonth, count()).from(PLANS_TASK).where(tasks.and(PLANS_TASK.DEADLINE.isNotNull()))
                .groupBy(dueMonth).fetchMap(r -> YearMonth.from(r.value1()), r -> r.value2().longValue());
        // a task closed twice (closed, relapsed, closed again) counts from its last closing
        var closedAt = db.select(PLANS_TASK.ID, max(PLANS_TASK_HISTORY.OCCURRED_AT).as("closed_at"))
                .from(PLANS_TASK).join(PLANS_TASK_HISTORY).on(PLANS_TASK_HISTORY.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_HISTORY.TO_STATUS.eq("CLOSED")))
                .where(tasks.and(figures.of(TaskFigure.CLOSED, PLANS_TASK.ID, PLANS_TASK.STATUS))).groupBy(PLANS_TASK.ID).asTable("closed");
        Field<OffsetDateTime> at = closedAt.field("closed_at", OffsetDateTime.class);
        Map<YearMonth, long[]> months = new HashMap<>();
        due.forEach((m, n) -> months.computeIfAbsent(m, k -> new long[2])[0] += n);
        db.select(at).from(closedAt).fetch(at).forEach(t ->
                months.computeIfAbsent(YearMonth.from(t.atZoneSameInstant(clock.getZone())), k -> new long[2])[1]++);
        return burnUp(months, today);
    }

    /** The burn-up's points from the tasks due ({@code [0]}) and closed ({@code [1]}) in each month. */
    static List<Dashboard.MonthPoint> burnUp(Map<YearMonth, long[]> counted, LocalDate today) {
        Map<YearMonth, Long> due = new HashMap<>();
        Map<YearMonth, Long> closed = new HashMap<>();
        counted.forEach((m, n) -> {
            if (n[0] != 0) {
                due.put(m, n[0]);
            }
            if (n[1] != 0) {
                closed.put(m, n[1]);
            }
        });
        List<YearMonth> months = new ArrayList<>(due.keySet());
        months.addAll(closed.keySet());
        if (months.isEmpty()) {
            return List.of();
        }
        YearMonth first = months.stream().min(YearMonth::compareTo).orElseThrow();
        YearMonth last = months.stream().max(YearMonth::compareTo).orElseThrow();
        if (YearMonth.from(today).isAfter(last)) {
            last = YearMonth.from(today);
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        final YearMonth from = first;
        long dueSoFar = due.entrySet().stream().filter(e -> e.getKey().isBefore(from)).mapToLong(Map.Entry::getValue).sum();
        long closedSoFar = closed.entrySet().stream().filter(e -> e.getKey().isBefore(from)).mapToLong(Map.Entry::getValue).sum();
        List<Dashboard.MonthPoint> points = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
            dueSoFar += due.getOrDefault(m, 0L);
            closedSoFar += closed.getOrDefault(m, 0L);
            points.add(new Dashboard.MonthPoint(m, dueSoFar, closedSoFar));
        }
        return points;
    }

    /** The last {@link #TREND_WEEKS} weeks' recorded changes of level, by the level a task entered. */
    List<Dashboard.WeekPoint> trend(Condition tasks, LocalDate today) {
        LocalDate firstMonday = firstMonday(today);
        Map<LocalDate, long[]> weeks = new HashMap<>();
        db.select(SUPERVISION_LEVEL_CHANGE.OCCURRED_AT, SUPERVISION_LEVEL_CHANGE.TO_LEVEL).from(SUPERVISION_LEVEL_CHANGE)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(SUPERVISION_LEVEL_CHANGE.TASK_ID))
                .where(tasks.and(SUPERVISION_LEVEL_CHANGE.OCCURRED_AT.ge(firstMonday.atStartOfDay(clock.getZone()).toOffsetDateTime()))
                        .and(SUPERVISION_LEVEL_CHANGE.TO_LEVEL.in(TallySource.TREND_LEVELS)))
                .forEach(r -> {
                    String week = TaskTally.levelWeek(r.value1().atZoneSameInstant(clock.getZone()).toLocalDate(), r.value2());
                    long[] w = weeks.computeIfAbsent(LocalDate.parse(week.substring(0, 10)), k -> new long[3]);
                    w[TallySource.TREND_LEVELS.indexOf(r.value2())]++;
                });
        return trend(weeks, today);
    }

    /** The trend's weeks from the changes counted per week (Monday): red, yellow, blue. */
    static List<Dashboard.WeekPoint> trend(Map<LocalDate, long[]> counted, LocalDate today) {
        LocalDate firstMonday = firstMonday(today);
        List<Dashboard.WeekPoint> weeks = new ArrayList<>();
        for (int i = 0; i < TREND_WEEKS; i++) {
            long[] w = counted.getOrDefault(firstMonday.plusWeeks(i), new long[3]);
            weeks.add(new Dashboard.WeekPoint(firstMonday.plusWeeks(i), w[0], w[1], w[2]));
        }
        return weeks;
    }

    /** The Monday of the trend's first week ({@link #TREND_WEEKS} weeks to this one). */
    static LocalDate firstMonday(LocalDate today) {
        return today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(TREND_WEEKS - 1L);
    }

    /**
     * Units by on-time reporting over the period (on time, late, missing as circulars count them), each with the
     * overdue tasks it leads now; with a unit filter, the units of its subtree only, as the other figures.
     */
    List<Dashboard.UnitReporting> reporting(InsightFilter filter, DataScope scope, LocalDate today) {
        CircularPeriod period = new CircularPeriod(filter.periodFrom(today), filter.periodTo(today));
        Optional<String> key = counted.reportingKey(filter, scope);
        if (key.isPresent()) {
            Map<Long, int[]> perUnit = counted.reporting(key.get(), filter.planId(), period.from(), period.to(), today);
            Map<Long, String> names = units.names(perUnit.keySet());
            // by name, as circulars rank them (CircularFacts)
            Map<String, int[]> byName = new HashMap<>();
            Map<String, Long> unitIds = new HashMap<>();
            perUnit.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String name = names.get(e.getKey());
                int[] t = byName.computeIfAbsent(name, n -> new int[4]);
                for (int i = 0; i < 4; i++) {
                    t[i] += e.getValue()[i];
                }
                unitIds.put(name, e.getKey());
            });
            List<CircularFacts.UnitReporting> ranking = CircularFacts.rank(byName.entrySet().stream()
                    .map(e -> new CircularFacts.UnitReporting(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                    .toList());
            return ranked(ranking, unitIds, filter, scope);
        }
        var due = dueReports.between(period.from(), period.to(), filter.planId(), scope);
        if (filter.unitId() != null) {
            Set<Long> subtree = units.subtree(filter.unitId()).stream().map(org.rectify.units.Unit::id).collect(Collectors.toSet());
            due = due.stream().filter(d -> subtree.contains(d.unitId())).toList();
        }
        Map<String, Long> unitIds = new HashMap<>();
        due.forEach(d -> unitIds.put(d.unitName(), d.unitId()));
        List<CircularFacts.UnitReporting> ranking = CircularFacts.of(period, today, null, due, List.of(), List.of()).reportingRanking();
        return ranked(ranking, unitIds, filter, scope);
    }

    /** The first {@link #MAX_UNITS} of the ranking, each with the overdue tasks it leads (kept counts when they answer). */
    private List<Dashboard.UnitReporting> ranked(List<CircularFacts.UnitReporting> ranking, Map<String, Long> unitIds,
                                                 InsightFilter filter, DataScope scope) {
        List<CircularFacts.UnitReporting> top = ranking.stream().limit(MAX_UNITS).toList();
        Set<Long> ids = top.stream().map(u -> unitIds.get(u.unitName())).collect(Collectors.toSet());
        Map<Long, Long> overdue = counted.ledFrom(filter, scope, ids, TaskFigure.OVERDUE)
                .orElseGet(() -> overdueLedFrom(tasks(filter, scope), ids));
        return top.stream().map(u -> {
            Long id = unitIds.get(u.unitName());
            return new Dashboard.UnitReporting(u, id, overdue.getOrDefault(id, 0L));
        }).toList();
    }

    private Map<Long, Long> overdueLedFrom(Condition tasks, java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        UnitsDirectory ranked = UNITS_DIRECTORY.as("ranked");
        return db.select(ranked.ID, count()).from(ranked).join(PLANS_TASK).on(TaskConditions.PUBLISHED.ledFrom(ranked.PATH))
                .where(ranked.ID.in(unitIds)).and(tasks.and(figures.of(TaskFigure.OVERDUE, PLANS_TASK.ID, PLANS_TASK.STATUS))).groupBy(ranked.ID)
                .fetchMap(r -> r.value1(), r -> r.value2().longValue());
    }

    /** Indicators of the tasks, each with its last submitted measurement; those without one last. */
    List<Dashboard.IndicatorRow> indicators(Condition tasks) {
        var latest = lateral(select(PROGRESS_MEASUREMENT.VALUE, PROGRESS_MEASUREMENT.AS_OF).from(PROGRESS_MEASUREMENT)
                .where(PROGRESS_MEASUREMENT.TASK_ID.eq(PLANS_INDICATOR.TASK_ID).and(PROGRESS_MEASUREMENT.INDICATOR_NAME.eq(PLANS_INDICATOR.NAME)))
                .orderBy(PROGRESS_MEASUREMENT.AS_OF.desc(), PROGRESS_MEASUREMENT.ID.desc()).limit(1)).as("latest");
        Field<BigDecimal> value = latest.field(PROGRESS_MEASUREMENT.VALUE);
        Field<LocalDate> asOf = latest.field(PROGRESS_MEASUREMENT.AS_OF);
        return db.select(PLANS_TASK.ID, PLANS_TASK.REF, PLANS_INDICATOR.NAME, PLANS_INDICATOR.COMPARATOR, PLANS_INDICATOR.TARGET_VALUE, PLANS_INDICATOR.UNIT_OF_MEASURE,
                        PLANS_INDICATOR.DUE_ON, value, asOf)
                .from(PLANS_INDICATOR).join(PLANS_TASK).on(PLANS_TASK.ID.eq(PLANS_INDICATOR.TASK_ID))
                .leftJoin(latest).on(trueCondition())
                .where(tasks)
                .orderBy(asOf.isNull(), PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_INDICATOR.POSITION, PLANS_INDICATOR.ID)
                .limit(MAX_INDICATORS)
                .fetch(r -> new Dashboard.IndicatorRow(r.get(PLANS_TASK.ID), r.get(PLANS_TASK.REF), r.get(PLANS_INDICATOR.NAME),
                        org.rectify.plans.Indicator.Comparator.ofSymbol(r.get(PLANS_INDICATOR.COMPARATOR)),
                        r.get(PLANS_INDICATOR.TARGET_VALUE), r.get(PLANS_INDICATOR.UNIT_OF_MEASURE), r.get(PLANS_INDICATOR.DUE_ON), r.get(value), r.get(asOf)));
    }

    /**
     * Obligation compliance as a unit × month grid for {@code year}: the records (meetings held, …) of the lead units
     * per month, counted as progress counts them ({@link ObligationRecords}), beside what their obligations ask per month on the tasks that report ({@link ReportingCycles#REPORTING}) (4 a year = 1/3 a month).
     */
    List<Dashboard.ComplianceRow> compliance(Condition tasks, InsightFilter filter, DataScope scope, int year) {
        Field<BigDecimal> atLeast = PLANS_OBLIGATION.AT_LEAST.cast(BigDecimal.class);
        AggregateFunction<BigDecimal> perMonth = sum(case_(PLANS_OBLIGATION.PER)
                .when("WEEK", atLeast.mul(inline(52)).div(inline(12)))
                .when("MONTH", atLeast)
                .when("QUARTER", atLeast.div(inline(3)))
                .else_(atLeast.div(inline(12))));
        var required = db.select(UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, perMonth)
                .from(PLANS_TASK).join(PLANS_TASK_UNIT).on(PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .join(PLANS_OBLIGATION).on(PLANS_OBLIGATION.TASK_ID.eq(PLANS_TASK.ID))
                .where(tasks.and(PLANS_TASK.STATUS.in(ReportingCycles.REPORTING.stream().map(Enum::name).toList())))
                .groupBy(UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME).orderBy(UNITS_DIRECTORY.NAME).limit(MAX_UNITS).fetch();
        if (required.isEmpty()) {
            return List.of();
        }
        // progress takes the ledger's condition on plans' table (its semi-join), for the few lead units of the grid
        Map<Long, int[]> recorded = obligationRecords.byUnitAndMonth(ledger.where(filter.ledger(), scope),
                required.map(r -> r.value1()), year);
        return required.map(r -> new Dashboard.ComplianceRow(r.value1(), r.value2(),
                Math.round(r.value3().doubleValue() * 100) / 100.0,
                Arrays.stream(recorded.getOrDefault(r.value1(), new int[12])).boxed().collect(Collectors.toList())));
    }
}
