package org.rectify.supervision;

import org.junit.jupiter.api.Test;
import org.rectify.progress.DueReport;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The period a circular covers and how its facts are counted and ranked: plain values, no database. */
class CircularFactsTests {

    private static final LocalDate DUE = LocalDate.of(2018, 11, 25);
    private static final LocalDate GRACE = LocalDate.of(2018, 11, 28);
    private static final CircularPeriod NOVEMBER = new CircularPeriod(LocalDate.of(2018, 11, 1), LocalDate.of(2018, 11, 30));

    @Test
    void the_default_period_is_the_previous_calendar_month_and_it_is_named_as_a_circular_names_it() {
        assertThat(CircularPeriod.previousMonth(LocalDate.of(2018, 12, 3))).isEqualTo(NOVEMBER);
        assertThat(CircularPeriod.previousMonth(LocalDate.of(2019, 1, 31)))
                .isEqualTo(new CircularPeriod(LocalDate.of(2018, 12, 1), LocalDate.of(2018, 12, 31)));
        assertThat(NOVEMBER.label()).isEqualTo("2018年11月");
        assertThat(new CircularPeriod(LocalDate.of(2018, 11, 1), LocalDate.of(2018, 12, 15)).label())
                .isEqualTo("2018年11月1日至12月15日");
        assertThat(new CircularPeriod(LocalDate.of(2018, 12, 1), LocalDate.of(2019, 1, 15)).label())
                .isEqualTo("2018年12月1日至2019年1月15日");
    }

    @Test
    void a_report_within_the_grace_period_is_on_time_after_it_late_never_missing_once_the_grace_period_is_over() {
        LocalDate asOf = LocalDate.of(2018, 12, 3);
        assertThat(CircularFacts.Punctuality.of(report("A", GRACE), asOf)).isEqualTo(CircularFacts.Punctuality.ON_TIME);
        assertThat(CircularFacts.Punctuality.of(report("A", GRACE.plusDays(1)), asOf)).isEqualTo(CircularFacts.Punctuality.LATE);
        assertThat(CircularFacts.Punctuality.of(report("A", null), asOf)).isEqualTo(CircularFacts.Punctuality.MISSING);
        assertThat(CircularFacts.Punctuality.of(report("A", null), GRACE)).isEqualTo(CircularFacts.Punctuality.PENDING);
    }

    @Test
    void units_rank_by_on_time_rate_then_by_reports_due_and_by_overdue_tasks_most_first() {
        List<DueReport> reports = List.of(report("乙局", DUE), report("乙局", null), report("甲局", DUE),
                report("丙局", null), report("丙局", null), report("丁局", GRACE.plusDays(4)));
        List<CircularFacts.RedTask> red = List.of(
                new CircularFacts.RedTask(1, "一(1)", "任务", List.of("丙局"), List.of("丙局"), DUE, List.of(WarningReason.OVERDUE)),
                new CircularFacts.RedTask(2, "一(2)", "任务", List.of("丙局", "戊局"), List.of("丙局", "戊局"), DUE, List.of(WarningReason.OVERDUE)),
                new CircularFacts.RedTask(3, "一(3)", "任务", List.of("甲局"), List.of("甲局"), null, List.of(WarningReason.RELAPSED)));
        CircularFacts facts = CircularFacts.of(NOVEMBER, LocalDate.of(2018, 12, 3), null, reports, red, List.of());

        assertThat(facts.due()).isEqualTo(6);
        assertThat(facts.onTime()).isEqualTo(2);
        assertThat(facts.late()).isEqualTo(1);
        assertThat(facts.missing()).isEqualTo(3);
        assertThat(facts.onTimeRate()).isEqualTo(33.3);
        assertThat(facts.lateReports().get(0).daysLate()).isEqualTo(7);
        assertThat(facts.reportingRanking()).extracting(CircularFacts.UnitReporting::unitName)
                .containsExactly("甲局", "乙局", "丙局", "丁局"); // 戊局 owed nothing: not ranked by rate
        assertThat(facts.overdueRanking()).extracting(CircularFacts.UnitOverdue::unitName, CircularFacts.UnitOverdue::overdueTasks)
                .startsWith(org.assertj.core.groups.Tuple.tuple("丙局", 2), org.assertj.core.groups.Tuple.tuple("戊局", 1));
    }

    @Test
    void tied_units_share_a_place_and_the_next_unit_takes_its_position() {
        assertThat(CircularFacts.competitionRanks(List.of(5, 3, 3, 1))).containsExactly(1, 2, 2, 4);
        assertThat(CircularFacts.competitionRanks(List.of(100.0, 0.0, 0.0, 0.0))).containsExactly(1, 2, 2, 2);
        assertThat(CircularFacts.competitionRanks(List.of())).isEmpty();

        List<DueReport> reports = List.of(report("甲局", DUE), report("乙局", null), report("丙局", null), report("丁局", null));
        List<CircularFacts.RedTask> red = List.of(
                new CircularFacts.RedTask(1, "一(1)", "任务", List.of("丙局"), List.of("丙局"), DUE, List.of(WarningReason.OVERDUE)),
                new CircularFacts.RedTask(2, "一(2)", "任务", List.of("丁局"), List.of("丁局"), DUE, List.of(WarningReason.OVERDUE)));
        CircularFacts facts = CircularFacts.of(NOVEMBER, LocalDate.of(2018, 12, 3), null, reports, red, List.of());

        assertThat(facts.reportingRanks()).containsExactly(1, 2, 2, 2); // 乙局, 丙局, 丁局 all at 0%
        assertThat(facts.overdueRanks()).containsExactly(1, 1, 3, 3); // 丙局 and 丁局 one each, 甲局 and 乙局 none
    }

    private static DueReport report(String unit, LocalDate submittedOn) {
        return new DueReport(1, 1, DUE, GRACE, 1, "一(1)", "任务", 1, unit, submittedOn);
    }
}
