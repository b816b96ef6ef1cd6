package org.rectify.insight.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which months the compliance heat map judges: nothing was owed before the first plan began, nor for months to come. */
class ComplianceMonthsTests {

    private static Dashboard asOf(LocalDate today, LocalDate planBegan) {
        return new Dashboard(today, new Dashboard.Headline(1, Map.of(), 0, 0, planBegan), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    @Test
    void a_plan_begun_this_year_is_judged_from_the_month_it_began() {
        assertThat(asOf(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 4, 3)).firstMonthOwed()).isEqualTo(4);
    }

    @Test
    void a_plan_begun_in_an_earlier_year_is_judged_from_january() {
        assertThat(asOf(LocalDate.of(2027, 2, 1), LocalDate.of(2026, 4, 3)).firstMonthOwed()).isEqualTo(1);
        assertThat(asOf(LocalDate.of(2027, 2, 1), null).firstMonthOwed()).isEqualTo(1);
    }

    @Test
    void a_plan_that_begins_next_year_owes_nothing_this_year() {
        assertThat(asOf(LocalDate.of(2026, 12, 3), LocalDate.of(2027, 1, 10)).firstMonthOwed()).isEqualTo(13);
    }
}
