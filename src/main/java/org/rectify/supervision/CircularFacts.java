package org.rectify.supervision;

import org.rectify.progress.DueReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a circular says, as found when it was drafted and kept with it (a published circular never changes when the
 * data does): the reports due in the period and how they came in, the tasks red at its end, the relapses in it, and
 * the two rankings of units. Reports whose grace period had not ended when the facts were taken are still pending
 * and are counted nowhere.
 */
public record CircularFacts(LocalDate from, LocalDate to, LocalDate asOf, String planTitle,
                            int due, int onTime, int late, int missing, int pending,
                            List<ReportFact> lateReports, List<ReportFact> missingReports,
                            List<RedTask> redTasks, List<Relapse> relapses,
                            List<UnitReporting> reportingRanking, List<UnitOverdue> overdueRanking) {

    /** A report that came after its grace period ({@code submittedOn} set) or not at all. */
    public record ReportFact(String unitName, String taskRef, String taskTitle, LocalDate dueOn, LocalDate submittedOn,
                             int daysLate) {
    }

    /**
     * A task red at the end of the period, with the reasons of its last change of level; {@code leadUnits} as the task
     * names them (a group once: 各县区政府), {@code rankedUnits} every lead unit, for the ranking.
     */
    public record RedTask(long taskId, String taskRef, String taskTitle, List<String> leadUnits, List<String> rankedUnits,
                          LocalDate deadline, List<WarningReason> reasons) {

        public boolean overdue() {
            return reasons.contains(WarningReason.OVERDUE);
        }
    }

    /** A closed task reopened in the period. */
    public record Relapse(long taskId, String taskRef, String taskTitle, List<String> leadUnits, LocalDate reopenedOn,
                          String reason) {
    }

    /** A unit's reports due in the period: on time, late, missing; its rate is on time over due. */
    public record UnitReporting(String unitName, int due, int onTime, int late, int missing) {

        /** On-time rate in per cent, one decimal; 100 when nothing was due. */
        public double rate() {
            return due == 0 ? 100.0 : Math.round(onTime * 1000.0 / due) / 10.0;
        }
    }

    /** A unit and the number of overdue (red, past deadline) tasks it leads. */
    public record UnitOverdue(String unitName, int overdueTasks) {
    }

    /** How a due report stands on {@code asOf}. */
    public enum Punctuality {
        ON_TIME, LATE, MISSING, PENDING;

        public static Punctuality of(DueReport r, LocalDate asOf) {
            if (r.submittedOn() != null) {
                return r.submittedOn().isAfter(r.graceUntil()) ? LATE : ON_TIME;
            }
            return asOf.isAfter(r.graceUntil()) ? MISSING : PENDING;
        }
    }

    /** Units in the order of the reporting ranking: by on-time rate, then most reports due, then name. */
    public static List<UnitReporting> rank(List<UnitReporting> units) {
        return units.stream().sorted(Comparator.comparingDouble(UnitReporting::rate).reversed()
                        .thenComparing(Comparator.comparingInt(UnitReporting::due).reversed())
                        .thenComparing(UnitReporting::unitName))
                .toList();
    }

    /** The place of each unit in {@link #reportingRanking}: units with the same rate share a place (1, 2, 2, 4). */
    public List<Integer> reportingRanks() {
        return competitionRanks(reportingRanking.stream().map(UnitReporting::rate).toList());
    }

    /** The place of each unit in {@link #overdueRanking}: units with as many overdue tasks share a place. */
    public List<Integer> overdueRanks() {
        return competitionRanks(overdueRanking.stream().map(UnitOverdue::overdueTasks).toList());
    }

    /**
     * Standard competition ranking of values already in ranking order: a value equal to the one before shares its
     * place, the next different value takes its position (1, 2, 2, 4), as a circular names tied units.
     */
    static List<Integer> competitionRanks(List<?> values) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ranks.add(i > 0 && values.get(i).equals(values.get(i - 1)) ? ranks.get(i - 1) : i + 1);
        }
        return ranks;
    }

    public double onTimeRate() {
        return due == 0 ? 100.0 : Math.round(onTime * 1000.0 / due) / 10.0;
    }

    /**
     * The facts from what was found: rankings by on-time rate (then most reports due, then name) and by overdue
     * tasks (most first, then name). Units that owed reports are ranked by rate; they and the lead units of red tasks
     * are ranked by overdue tasks.
     */
    public static CircularFacts of(CircularPeriod period, LocalDate asOf, String planTitle, List<DueReport> reports,
                                   List<RedTask> redTasks, List<Relapse> relapses) {
        List<ReportFact> lateReports = new ArrayList<>();
        List<ReportFact> missingReports = new ArrayList<>();
        Map<String, int[]> perUnit = new LinkedHashMap<>(); // due, on time, late, missing
        int pending = 0;
        for (DueReport r : reports) {
            Punctuality p = Punctuality.of(r, asOf);
            if (p == Punctuality.PENDING) {
                pending++;
                continue;
            }
            int[] t = perUnit.computeIfAbsent(r.unitName(), n -> new int[4]);
            t[0]++;
            switch (p) {
                case ON_TIME -> t[1]++;
                case LATE -> {
                    t[2]++;
                    lateReports.add(new ReportFact(r.unitName(), r.taskRef(), r.taskTitle(), r.dueOn(), r.submittedOn(),
                            (int) java.time.temporal.ChronoUnit.DAYS.between(r.dueOn(), r.submittedOn())));
                }
                case MISSING -> {
                    t[3]++;
                    missingReports.add(new ReportFact(r.unitName(), r.taskRef(), r.taskTitle(), r.dueOn(), null,
                            (int) java.time.temporal.ChronoUnit.DAYS.between(r.dueOn(), asOf)));
                }
                default -> {
                }
            }
        }
        Map<String, Integer> overdue = new LinkedHashMap<>();
        perUnit.keySet().forEach(u -> overdue.put(u, 0));
        for (RedTask t : redTasks) {
            for (String unit : t.rankedUnits()) {
                overdue.merge(unit, t.overdue() ? 1 : 0, Integer::sum);
            }
        }
        List<UnitReporting> reporting = rank(perUnit.entrySet().stream()
                .map(e -> new UnitReporting(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList());
        List<UnitOverdue> overdueRanking = overdue.entrySet().stream()
                .map(e -> new UnitOverdue(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(UnitOverdue::overdueTasks).reversed().thenComparing(UnitOverdue::unitName))
                .toList();
        int onTime = reporting.stream().mapToInt(UnitReporting::onTime).sum();
        return new CircularFacts(period.from(), period.to(), asOf, planTitle,
                onTime + lateReports.size() + missingReports.size(), onTime, lateReports.size(), missingReports.size(), pending,
                lateReports, missingReports, redTasks, relapses, reporting, overdueRanking);
    }
}
