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
import java.time.YearMonth;
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

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;
import static org.rectify.insight.internal.db.Tables.INSIGHT_COUNT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_MONTH;

/**
 * The dashboard's figures read from the kept counts ({@link KeptCounts}): a sum over the rows of one scope key, whatever
 * the number of tasks. Answers a filter whose tasks are exactly those of one key (the caller's scope, or a lead unit
 * inside it, with a plan and a top-level section); anything else the live queries of {@link Figures} answer, and so do
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
     * section below the top level.
     */
    Optional<String> key(InsightFilter filter, DataScope scope) {
        if (!kept.ready() || !TaskTally.isTopLevelSection(filter.section())) {
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
        if (!kept.ready() || !TaskTally.isTopLevelSection(filter.section())) {
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
                        .and(filter.planId() == null ? noCondition() : INSIGHT_MONTH.PLAN_ID.eq(filter.planId()))
                        .and(filter.section() == null ? noCondition() : INSIGHT_MONTH.SECTION.eq(filter.section())))
                .groupBy(INSIGHT_MONTH.MONTH)
                .forEach(r -> months.put(YearMonth.from(r.value1()), new long[]{r.value2().longValue(), r.value3().longValue()}));
        return months;
    }

    private static boolean inside(DataScope scope, Unit unit) {
        return scope.isAll() || unit.path().startsWith(scope.unitPath());
    }

    private static Condition rows(InsightFilter filter) {
        return (filter.planId() == null ? noCondition() : INSIGHT_COUNT.PLAN_ID.eq(filter.planId()))
                .and(filter.section() == null ? noCondition() : INSIGHT_COUNT.SECTION.eq(filter.section()));
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
