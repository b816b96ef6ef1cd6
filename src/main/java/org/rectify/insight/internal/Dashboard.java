package org.rectify.insight.internal;

import org.rectify.plans.Indicator;
import org.rectify.plans.TaskFigure;
import org.rectify.supervision.CircularFacts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the dashboard shows, as of a day, for a filter in the caller's scope. The API returns it as JSON. */
record Dashboard(LocalDate asOf, Headline headline, List<UnitRow> units, List<MonthPoint> burnUp, List<WeekPoint> trend,
                 List<UnitReporting> reporting, List<IndicatorRow> indicators, List<ComplianceRow> compliance) {

    /**
     * The months of {@code asOf}'s year the compliance grid judges (1-12; none when the range is empty): from the month
     * the first plan began (nothing was owed before) to this month.
     */
    public int firstMonthOwed() {
        LocalDate start = headline.startedOn();
        return start == null || start.getYear() < asOf.getYear() ? 1
                : start.getYear() > asOf.getYear() ? 13 : start.getMonthValue();
    }

    /**
     * The headline: every task the ledger lists for the filter, and each figure's count. The closure rate (closed of
     * all) stands beside the share of the plan's time elapsed (序时进度: from the first plan's issue, {@code startedOn}, to
     * the last deadline).
     */
    record Headline(long total, Map<TaskFigure, Long> counts, double closureRate, double elapsedShare, LocalDate startedOn) {
    }

    /** A unit (with its subtree) and the tasks it leads, by figure: the stacked bars, ranked by red, then overdue. */
    record UnitRow(long unitId, String unitName, long total, Map<TaskFigure, Long> counts) {

        public long count(TaskFigure figure) {
            return counts.getOrDefault(figure, 0L);
        }
    }

    /** Burn-up: tasks due by the month's end and tasks closed by then, both cumulative. */
    record MonthPoint(YearMonth month, long due, long closed) {
    }

    /** Changes of level recorded in a week (Monday first): how many tasks turned red, yellow, blue. */
    record WeekPoint(LocalDate week, long red, long yellow, long blue) {
    }

    /** A unit's reports due in the period (on time as in circulars) and the overdue tasks it leads now. */
    record UnitReporting(CircularFacts.UnitReporting reporting, Long unitId, long overdue) {
    }

    /** An indicator against its target, with the last measurement submitted (null: none yet). */
    record IndicatorRow(long taskId, String taskRef, String name, Indicator.Comparator comparator, BigDecimal target, String unitOfMeasure,
                        LocalDate dueOn, BigDecimal latest, LocalDate measuredOn) {

        /** Whether the last measurement meets the target (null when there is none). */
        public Boolean met() {
            if (latest == null) {
                return null;
            }
            int c = latest.compareTo(target);
            return switch (comparator) {
                case AT_LEAST -> c >= 0;
                case AT_MOST -> c <= 0;
                case EQUAL -> c == 0;
            };
        }
    }

    /** A unit's obligation records (meetings held, …) per month of the year, against what its obligations ask a month. */
    record ComplianceRow(long unitId, String unitName, double requiredPerMonth, List<Integer> recordedByMonth) {

        /** Records held over records required in a month, 0 to 1 (1 when nothing is required). */
        static double share(int recorded, double required) {
            return required <= 0 ? 1.0 : Math.min(1.0, Math.round(recorded / required * 100) / 100.0);
        }
    }
}
