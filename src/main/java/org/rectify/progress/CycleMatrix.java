package org.rectify.progress;

import org.rectify.plans.TaskStatus;

import java.util.List;
import java.util.Map;

/**
 * The office's view of one cycle of a plan: a row per open task, a cell per lead unit with its report's state;
 * counts by state over all rows (not only the page); {@code submittedLate} counts submissions after the grace period.
 */
public record CycleMatrix(long planId, String planTitle, ReportingCadence cadence, ReportingCycle cycle,
                          List<ReportingCycle> cycles, List<Row> rows, Map<ReportState, Integer> counts,
                          int submittedLate, int totalRows, int page, int pageSize, List<UnitSummary> units,
                          boolean estimated) {

    /** A count as the page tells it: exact, or when the figures are large and kept a while, to two significant digits. */
    public long shown(long count) {
        return estimated ? org.rectify.platform.Paged.about(count) : count;
    }

    /** Whether the page says "about" before a count: a kept figure of 100 or more (a kept 0 or 7 is shown as it is). */
    public boolean about(long count) {
        return estimated && count >= 100;
    }

    /** The order the office reads a row in: what needs chasing first, what is done last. */
    public static final List<ReportState> READING_ORDER = List.of(ReportState.LATE, ReportState.RETURNED,
            ReportState.AWAITING_APPROVAL, ReportState.DRAFT, ReportState.MISSING, ReportState.SUBMITTED);

    public int pages() {
        return Math.max(1, (totalRows + pageSize - 1) / pageSize);
    }

    public int cellCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(ReportState state) {
        return counts.getOrDefault(state, 0);
    }

    /** The count of a state by its name, for templates. */
    public int count(String state) {
        return count(ReportState.valueOf(state));
    }

    public record Row(long taskId, String ref, String title, TaskStatus status, List<Cell> cells) {

        /** The row's cells by state, in {@link #READING_ORDER}; states without cells left out. */
        public List<Group> groups() {
            return READING_ORDER.stream()
                    .map(state -> new Group(state, cells.stream().filter(c -> c.status().state() == state).toList()))
                    .filter(g -> !g.cells().isEmpty()).toList();
        }

        public long submitted() {
            return cells.stream().filter(c -> c.status().state() == ReportState.SUBMITTED).count();
        }
    }

    public record Group(ReportState state, List<Cell> cells) {
    }

    /** One lead unit's reports in the cycle, over all its tasks of the plan. */
    public record UnitSummary(long unitId, String unitName, int expected, int submitted, int submittedLate,
                              int awaitingApproval, int returned, int notYet, int late) {

        /** {@code cells} cells of a unit in one state. */
        public static UnitSummary of(long unitId, String unitName, ReportState state, boolean submittedLate, int cells) {
            return new UnitSummary(unitId, unitName, cells,
                    state == ReportState.SUBMITTED ? cells : 0, submittedLate ? cells : 0,
                    state == ReportState.AWAITING_APPROVAL ? cells : 0, state == ReportState.RETURNED ? cells : 0,
                    state == ReportState.DRAFT || state == ReportState.MISSING ? cells : 0,
                    state == ReportState.LATE ? cells : 0);
        }

        public UnitSummary plus(UnitSummary o) {
            return new UnitSummary(unitId, unitName, expected + o.expected, submitted + o.submitted,
                    submittedLate + o.submittedLate, awaitingApproval + o.awaitingApproval, returned + o.returned,
                    notYet + o.notYet, late + o.late);
        }
    }

    public record Cell(long unitId, String unitName, SlotStatus status) {

        /** The cell's classes: its state, and a submission after the grace period marked late. */
        public String css() {
            return "rc cell rc-" + status.state() + (status.state() == ReportState.SUBMITTED && status.daysLate() > 0
                    ? " rc-late" : "");
        }

        /** The report the cell opens: the version that counts, else the latest; null when nothing was reported. */
        public Long reportId() {
            return status.submittedReportId() != null ? status.submittedReportId() : status.latestReportId();
        }
    }
}
