package org.rectify.supervision;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderScheduleTests {

    private static final LocalDate DEADLINE = LocalDate.of(2019, 6, 30);
    private final ReminderSchedule schedule = ReminderSchedule.DEFAULT;

    private Optional<Integer> stageOn(int daysFromDeadline) {
        return schedule.stage(DEADLINE, DEADLINE.plusDays(daysFromDeadline));
    }

    @Test
    void nothing_is_due_more_than_a_week_ahead() {
        assertThat(stageOn(-8)).isEmpty();
        assertThat(stageOn(-30)).isEmpty();
    }

    @Test
    void each_day_before_the_date_belongs_to_the_nearest_stage_not_yet_passed() {
        assertThat(stageOn(-7)).contains(-7);
        assertThat(stageOn(-4)).contains(-7);
        assertThat(stageOn(-3)).contains(-3);
        assertThat(stageOn(-2)).contains(-3);
        assertThat(stageOn(-1)).contains(-1);
        assertThat(stageOn(0)).contains(-1); // the day itself: the last "before" reminder, if it has not gone out
    }

    @Test
    void each_day_after_the_date_belongs_to_the_last_stage_reached() {
        assertThat(stageOn(1)).contains(1);
        assertThat(stageOn(2)).contains(1);
        assertThat(stageOn(3)).contains(3);
        assertThat(stageOn(6)).contains(3);
        assertThat(stageOn(7)).contains(7);
        assertThat(stageOn(13)).contains(7);
    }

    @Test
    void a_long_forgotten_date_is_not_reminded_of_again() {
        assertThat(stageOn(14)).isEmpty();
        assertThat(stageOn(400)).isEmpty();
    }

    @Test
    void a_schedule_given_in_any_order_is_read_in_order_and_ignores_non_positive_days() {
        ReminderSchedule custom = new ReminderSchedule(List.of(1, 10, 0, 10), List.of(2, -1));
        assertThat(custom.before()).containsExactly(1, 10);
        assertThat(custom.after()).containsExactly(2);
        assertThat(custom.stage(DEADLINE, DEADLINE.minusDays(9))).contains(-10);
        assertThat(custom.stage(DEADLINE, DEADLINE.plusDays(3))).contains(2);
        assertThat(custom.stage(DEADLINE, DEADLINE.plusDays(4))).isEmpty();
        assertThat(custom.daysAhead()).isEqualTo(10);
        assertThat(custom.daysBehind()).isEqualTo(3);
    }

    @Test
    void a_schedule_without_after_days_stops_at_the_date() {
        ReminderSchedule beforeOnly = new ReminderSchedule(List.of(3), List.of());
        assertThat(beforeOnly.stage(DEADLINE, DEADLINE)).contains(-3);
        assertThat(beforeOnly.stage(DEADLINE, DEADLINE.plusDays(1))).isEmpty();
    }
}
