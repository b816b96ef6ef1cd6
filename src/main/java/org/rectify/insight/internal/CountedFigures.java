package org.rectify.insight.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;
import static org.rectify.insight.internal.db.Tables.INSIGHT_COUNT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_DEADLINE;
import static org.rectify.insight.internal.db.Tables.INSIGHT_MONTH;
import static org.rectify.insight.internal.db.Tables.INSIGHT_OWED;
import static org.rectify.insight.internal.db.Tables.INSIGHT_SLOT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_WEEK;
import static org.rectify.progress.api.Tables.PROGRESS_CYCLE;

/**
 * The dashboard's figures read from the kept counts ({@link KeptCounts}): a sum over the rows of one scope key, whatever
 * the number of tasks. Answers a filter whose tasks are exactly those of one key (the caller's scope, or a lead unit
 * inside it, with a plan and a top-level section or an item below it, 二(三) or 六1); anything else the live queries of {@link Figures} answer, and so do
 * they while a first build of the counts at start is under way.
 */
@Component
class CountedFigures {

    /** A headline's numbers: the tasks, each figure's count, and the plans they belong to. */
    record Counted(long total, Map<TaskFigure, Long> counts, Set<Long> planIds) {
    }

    private final DSLContext db;
    private final TaskFigureConditions figures;
    private final Units units;
    private final KeptCounts kept;

    CountedFigures(DSLContext db, TaskFigureConditions figures, Units units, KeptCounts kept) {
        this.db = db;
        this.kept = kept;
        this.figures = figures;
        this.units = units;
    }

    /**
     * The key whose tasks are the ledger's for the filter in the scope: the scope's own, or the lead unit filtered on
     * when it lies inside the scope (a unit led from inside the scope is seen by it). None for a unit outside it or a
     * section deeper than an item ({@code 二(三)1}).
     */
    Optional<String> key(InsightFilter filter, DataScope scope) {
        if (!kept.ready() || !answers(filter)) {
            return Optional.empty();
        }
        if (filter.unitId() == null) {
            return Optional.of(TaskTally.of(scope));
        }
        return units.find(filter.unitId()).filter(u -> inside(scope, u)).map(u -> TaskTally.led(u.path()));
    }

    Counted headline(String key, InsightFilter filter) {
        Map<TaskFigure, Long> counts = new EnumMap<>(TaskFigure.class);
        for (TaskFigure f : TaskFigure.values()) {
            counts.put(f, 0L);
        }
        long[] total = {0};
        Set<Long> plans = new java.util.HashSet<>();
        Field<BigDecimal> tasks = sum(INSIGHT_COUNT.TASKS);
        db.select(INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL, tasks)
                .from(INSIGHT_COUNT).where(INSIGHT_COUNT.SCOPE_KEY.eq(key).and(rows(filter)))
                .groupBy(INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL)
                .forEach(r -> {
                    long n = r.get(tasks).longValue();
                    if (n != 0) {
                        total[0] += n;
                        plans.add(r.get(INSIGHT_COUNT.PLAN_ID));
                        add(counts, r, n);
                    }
                });
        return new Counted(total[0], counts, plans);
    }

    /**
     * The bars: the current sub-units of {@code parentId} inside the scope, each with the tasks led from its subtree, the
     * most red first, as {@link Figures#units}; none when the parent is not inside the scope (the live query answers).
     */
    Optional<List<Dashboard.UnitRow>> units(InsightFilter filter, DataScope scope, Long parentId) {
        if (!kept.ready() || !answers(filter)) {
            return Optional.empty();
        }
        if (parentId == null ? !scope.isAll() : units.find(parentId).filter(u -> inside(scope, u)).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Unit> byKey = units.children(parentId).stream()
                .collect(Collectors.toMap(u -> TaskTally.led(u.path()), Function.identity()));
        if (byKey.isEmpty()) {
            return Optional.of(List.of());
        }
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Map<TaskFigure, Long>> counts = new HashMap<>();
        Field<BigDecimal> tasks = sum(INSIGHT_COUNT.TASKS);
        db.select(INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL, tasks)
                .from(INSIGHT_COUNT).where(INSIGHT_COUNT.SCOPE_KEY.in(byKey.keySet()).and(rows(filter)))
                .groupBy(INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL)
                .forEach(r -> {
                    long n = r.get(tasks).longValue();
                    String key = r.get(INSIGHT_COUNT.SCOPE_KEY);
                    totals.computeIfAbsent(key, k -> new long[1])[0] += n;
                    add(counts.computeIfAbsent(key, k -> zero()), r, n);
                });
        List<Dashboard.UnitRow> rows = new ArrayList<>();
        totals.forEach((key, total) -> {
            if (total[0] > 0) {
                Unit u = byKey.get(key);
                rows.add(new Dashboard.UnitRow(u.id(), u.name(), total[0], counts.get(key)));
            }
        });
        rows.sort(Comparator.comparingLong((Dashboard.UnitRow r) -> -r.count(TaskFigure.RED))
                .thenComparingLong(r -> -r.count(TaskFigure.OVERDUE)).thenComparingLong(r -> -r.count(TaskFigure.YELLOW))
                .thenComparingLong(r -> -r.total()).thenComparingLong(Dashboard.UnitRow::unitId));
        return Optional.of(List.copyOf(rows.subList(0, Math.min(Figures.MAX_UNITS, rows.size()))));
    }

    /** Tasks due in each month (by deadline) and closed in each month (last closing, closed now). */
    Map<YearMonth, long[]> months(String key, InsightFilter filter) {
        Map<YearMonth, long[]> months = new HashMap<>();
        Field<BigDecimal> due = sum(INSIGHT_MONTH.DUE);
        Field<BigDecimal> closed = sum(INSIGHT_MONTH.CLOSED);
        db.select(INSIGHT_MONTH.MONTH, due, closed).from(INSIGHT_MONTH)
                .where(INSIGHT_MONTH.SCOPE_KEY.eq(key)
                        .and(rows(filter, INSIGHT_MONTH.PLAN_ID, INSIGHT_MONTH.SECTION, INSIGHT_MONTH.ITEM)))
                .groupBy(INSIGHT_MONTH.MONTH)
                .forEach(r -> months.put(YearMonth.from(r.value1()), new long[]{r.value2().longValue(), r.value3().longValue()}));
        return months;
    }

    /** The last deadline of the key's tasks (the end of 序时进度), null when none has one. */
    LocalDate lastDeadline(String key, InsightFilter filter) {
        return db.select(max(INSIGHT_DEADLINE.DEADLINE)).from(INSIGHT_DEADLINE)
                .where(INSIGHT_DEADLINE.SCOPE_KEY.eq(key).and(INSIGHT_DEADLINE.TASKS.gt(0))
                        .and(rows(filter, INSIGHT_DEADLINE.PLAN_ID, INSIGHT_DEADLINE.SECTION, INSIGHT_DEADLINE.ITEM)))
                .fetchOne(0, LocalDate.class);
    }

    /** Changes of level into red, yellow, blue recorded in each week (its Monday) from {@code firstMonday} on. */
    Map<LocalDate, long[]> weeks(String key, InsightFilter filter, LocalDate firstMonday) {
        Map<LocalDate, long[]> weeks = new HashMap<>();
        db.select(INSIGHT_WEEK.WEEK, sum(INSIGHT_WEEK.RED), sum(INSIGHT_WEEK.YELLOW), sum(INSIGHT_WEEK.BLUE)).from(INSIGHT_WEEK)
                .where(INSIGHT_WEEK.SCOPE_KEY.eq(key).and(INSIGHT_WEEK.WEEK.ge(firstMonday))
                        .and(rows(filter, INSIGHT_WEEK.PLAN_ID, INSIGHT_WEEK.SECTION, INSIGHT_WEEK.ITEM)))
                .groupBy(INSIGHT_WEEK.WEEK)
                .forEach(r -> weeks.put(r.value1(), new long[]{r.value2().longValue(), r.value3().longValue(), r.value4().longValue()}));
        return weeks;
    }

    /**
     * The key whose reporting the ranking reads for the filter: the scope's own, or, with a lead unit filtered on, that
     * unit's {@code U} key (the reports of its subtree) when the unit lies inside the scope; none else.
     */
    Optional<String> reportingKey(InsightFilter filter, DataScope scope) {
        if (!kept.ready()) {
            return Optional.empty();
        }
        if (filter.unitId() == null) {
            return Optional.of(TaskTally.of(scope));
        }
        return units.find(filter.unitId()).filter(u -> inside(scope, u)).map(u -> TaskTally.unit(u.path()));
    }

    /**
     * Per lead unit, the reports due from {@code from} to {@code to} as circulars count them ({@code Punctuality}):
     * a report submitted is on time or late, one not submitted is missing once the cycle's grace period is over and
     * counted nowhere before. Index 0..3: due, on time, late, missing; units with nothing due are left out.
     */
    Map<Long, int[]> reporting(String key, Long planId, LocalDate from, LocalDate to, LocalDate today) {
        Map<Long, List<org.jooq.Record3<Long, Long, LocalDate>>> cycles = new HashMap<>();
        db.select(PROGRESS_CYCLE.ID, PROGRESS_CYCLE.PLAN_ID, PROGRESS_CYCLE.GRACE_UNTIL).from(PROGRESS_CYCLE)
                .where(PROGRESS_CYCLE.DUE_ON.between(from, to).and(planId == null ? noCondition() : PROGRESS_CYCLE.PLAN_ID.eq(planId)))
                .forEach(r -> cycles.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r));
        Map<Long, int[]> units = new HashMap<>();
        if (cycles.isEmpty()) {
            return units;
        }
        Map<List<Long>, int[]> submitted = new HashMap<>(); // cycle, unit: on time, late
        db.select(INSIGHT_SLOT.CYCLE_ID, INSIGHT_SLOT.UNIT_ID, INSIGHT_SLOT.ON_TIME, INSIGHT_SLOT.LATE).from(INSIGHT_SLOT)
                .where(INSIGHT_SLOT.SCOPE_KEY.eq(key).and(INSIGHT_SLOT.CYCLE_ID.in(cycles.values().stream().flatMap(List::stream)
                        .map(org.jooq.Record3::value1).toList())))
                .forEach(r -> submitted.put(List.of(r.value1(), r.value2()), new int[]{r.value3(), r.value4()}));
        db.select(INSIGHT_OWED.PLAN_ID, INSIGHT_OWED.UNIT_ID, INSIGHT_OWED.REPORTS).from(INSIGHT_OWED)
                .where(INSIGHT_OWED.SCOPE_KEY.eq(key).and(INSIGHT_OWED.REPORTS.gt(0)).and(INSIGHT_OWED.PLAN_ID.in(cycles.keySet())))
                .forEach(r -> {
                    for (var cycle : cycles.get(r.value1())) {
                        int[] sent = submitted.getOrDefault(List.of(cycle.value1(), r.value2()), new int[2]);
                        int open = r.value3() - sent[0] - sent[1];
                        boolean over = today.isAfter(cycle.value3());
                        int[] u = units.computeIfAbsent(r.value2(), k -> new int[4]);
                        u[0] += sent[0] + sent[1] + (over ? open : 0);
                        u[1] += sent[0];
                        u[2] += sent[1];
                        u[3] += over ? open : 0;
                    }
                });
        units.values().removeIf(u -> u[0] == 0);
        return units;
    }

    /**
     * Tasks led from each unit (with its subtree) counted by {@code figure}, for units inside the scope (the lead-unit
     * key then lists the same tasks as the scope's ledger filtered on that unit); none when a unit is outside it.
     */
    Optional<Map<Long, Long>> ledFrom(InsightFilter filter, DataScope scope, Collection<Long> unitIds, TaskFigure figure) {
        if (!kept.ready() || !answers(filter)) {
            return Optional.empty();
        }
        Map<Long, String> paths = units.paths(unitIds);
        if (paths.size() != unitIds.size() || !paths.values().stream().allMatch(p -> scope.isAll() || p.startsWith(scope.unitPath()))) {
            return Optional.empty();
        }
        Map<String, Long> byKey = new HashMap<>();
        paths.forEach((id, path) -> byKey.put(TaskTally.led(path), id));
        Map<Long, Long> counts = new HashMap<>();
        Field<BigDecimal> tasks = sum(INSIGHT_COUNT.TASKS);
        db.select(INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL, tasks)
                .from(INSIGHT_COUNT).where(INSIGHT_COUNT.SCOPE_KEY.in(byKey.keySet()).and(rows(filter)))
                .groupBy(INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL)
                .forEach(r -> {
                    if (figures.holds(figure, r.get(INSIGHT_COUNT.STATUS), r.get(INSIGHT_COUNT.SCHEDULE), r.get(INSIGHT_COUNT.LEVEL))) {
                        counts.merge(byKey.get(r.get(INSIGHT_COUNT.SCOPE_KEY)), r.get(tasks).longValue(), Long::sum);
                    }
                });
        return Optional.of(counts);
    }

    private static boolean inside(DataScope scope, Unit unit) {
        return scope.isAll() || unit.path().startsWith(scope.unitPath());
    }

    /** Whether the kept counts answer the filter's section: none, a top-level section or an item below it. */
    private static boolean answers(InsightFilter filter) {
        return TaskTally.isTopLevelSection(filter.section()) || TaskTally.isItem(filter.section());
    }

    private static Condition rows(InsightFilter filter) {
        return rows(filter, INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.SECTION, INSIGHT_COUNT.ITEM);
    }

    /** A kept table's rows of the filter's plan and of its section (a top-level one) or item. */
    private static Condition rows(InsightFilter filter, Field<Long> plan, Field<String> section, Field<String> item) {
        Condition rows = filter.planId() == null ? noCondition() : plan.eq(filter.planId());
        if (filter.section() == null) {
            return rows;
        }
        return rows.and(TaskTally.isTopLevelSection(filter.section()) ? section.eq(filter.section())
                : item.eq(TaskTally.normalised(filter.section())));
    }

    private void add(Map<TaskFigure, Long> counts, Record r, long n) {
        for (TaskFigure f : TaskFigure.values()) {
            if (figures.holds(f, r.get(INSIGHT_COUNT.STATUS), r.get(INSIGHT_COUNT.SCHEDULE), r.get(INSIGHT_COUNT.LEVEL))) {
                counts.merge(f, n, Long::sum);
            }
        }
    }

    private static Map<TaskFigure, Long> zero() {
        Map<TaskFigure, Long> counts = new EnumMap<>(TaskFigure.class);
        for (TaskFigure f : TaskFigure.values()) {
            counts.put(f, 0L);
        }
        return counts;
    }
}
