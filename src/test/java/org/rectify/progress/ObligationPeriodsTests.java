package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.plans.Obligation;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The periods an obligation asks records for: begun by today, not before it starts, the current one marked. */
class ObligationPeriodsTests {

    private static Obligation per(Obligation.Period period, LocalDate startsOn) {
        return new Obligation("研究部署环境保护工作", 1, period, startsOn, "每月研究部署环境保护工作不少于1次");
    }

    @Test
    void a_monthly_obligation_has_one_period_per_month_begun_from_its_start_the_last_one_current() {
        List<ObligationPeriods.Period> periods = ObligationPeriods.begun(per(Obligation.Period.MONTH, LocalDate.of(2026, 3, 15)),
                2026, LocalDate.of(2026, 6, 2));
        assertThat(periods).extracting(ObligationPeriods.Period::start).containsExactly(LocalDate.of(2026, 3, 15),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
        assertThat(periods.get(0).end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(periods).extracting(ObligationPeriods.Period::current).containsExactly(false, false, false, true);
    }

    @Test
    void a_past_year_has_every_period_over_and_a_future_year_none() {
        assertThat(ObligationPeriods.begun(per(Obligation.Period.QUARTER, null), 2025, LocalDate.of(2026, 6, 2)))
                .extracting(ObligationPeriods.Period::quarter).containsExactly(1, 2, 3, 4);
        assertThat(ObligationPeriods.begun(per(Obligation.Period.QUARTER, null), 2025, LocalDate.of(2026, 6, 2)))
                .noneMatch(ObligationPeriods.Period::current);
        assertThat(ObligationPeriods.begun(per(Obligation.Period.YEAR, null), 2027, LocalDate.of(2026, 6, 2))).isEmpty();
        assertThat(ObligationPeriods.begun(per(Obligation.Period.MONTH, LocalDate.of(2027, 1, 1)), 2026, LocalDate.of(2026, 6, 2)))
                .isEmpty();
    }

    @Test
    void weeks_run_seven_days_from_the_start_and_the_last_one_ends_with_the_year() {
        List<ObligationPeriods.Period> weeks = ObligationPeriods.begun(per(Obligation.Period.WEEK, null), 2025, LocalDate.of(2026, 1, 5));
        assertThat(weeks).hasSize(53);
        assertThat(weeks.get(1).start()).isEqualTo(LocalDate.of(2025, 1, 8));
        assertThat(weeks.get(52).end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }
}
