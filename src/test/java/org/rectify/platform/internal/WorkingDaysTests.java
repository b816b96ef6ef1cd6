package org.rectify.platform.internal;

import org.junit.jupiter.api.Test;
import org.rectify.platform.InvalidInputException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.platform.WorkingCalendar.DayCount.CALENDAR_DAYS;
import static org.rectify.platform.WorkingCalendar.DayCount.WORKING_DAYS;

/** The counting rule alone: "5个工作日" skips weekends and holidays and counts make-up working days. */
class WorkingDaysTests {

    /** 国务院办公厅关于2026年部分节假日安排的通知: 春节 and 国庆节, as an administrator would type them. */
    static final String ARRANGEMENT_2026 = """
            # 春节
            2026-02-15~2026-02-23 休 春节
            2026-02-14 班 春节
            2026-02-28 班 春节
            # 国庆节
            2026-10-01 至 2026-10-07 休 国庆节
            2026-09-20 班 国庆节
            2026-10-10 班 国庆节
            """;

    private final WorkingDays calendar = new WorkingDays(CalendarYearText.parse(2026, ARRANGEMENT_2026));

    @Test
    void five_working_days_from_the_day_before_national_day_end_after_the_holiday_and_count_the_saturday_worked() {
        // 9/30 (1), 10/1-10/7 off, 10/8 (2), 10/9 (3), Saturday 10/10 worked (4), Sunday off, 10/12 (5)
        assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 29), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(WorkingDays.WEEKENDS_ONLY.periodEnd(LocalDate.of(2026, 9, 29), 5, WORKING_DAYS))
                .isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void five_working_days_over_the_spring_festival_count_both_saturdays_worked() {
        // 2/13 (1), Saturday 2/14 worked (2), 2/15-2/23 off, 2/24 (3), 2/25 (4), 2/26 (5)
        assertThat(calendar.periodEnd(LocalDate.of(2026, 2, 12), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 2, 26));
        // 2/26 (1), 2/27 (2), Saturday 2/28 worked (3), Sunday off, 3/2 (4), 3/3 (5)
        assertThat(calendar.periodEnd(LocalDate.of(2026, 2, 25), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void a_holiday_is_off_a_make_up_day_is_worked_and_other_days_count_by_weekday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("Monday in 国庆").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 19))).as("plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 18))).as("plain Friday").isTrue();
        assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 29), 5, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2026, 10, 4));
    }

    @Test
    void a_list_with_a_make_up_day_on_a_weekday_a_date_of_another_year_or_an_unreadable_line_is_refused_with_its_line() {
        assertThatThrownBy(() -> CalendarYearText.parse(2026, "2026-10-09 班 国庆节"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("calendar.import.workdayOnWeekday"));
        assertThatThrownBy(() -> CalendarYearText.parse(2026, "# x\n2027-01-01 休 元旦"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.args()).containsExactly(2, 2026));
        assertThatThrownBy(() -> CalendarYearText.parse(2026, "十月一日 休"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("calendar.import.badLine"));
        assertThat(CalendarYearText.parse(2026, "\n2026-01-01~2026-01-03 休 元旦\n2026-01-04 班 元旦\n"))
                .extracting(CalendarDay::day, CalendarDay::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), CalendarDay.Kind.HOLIDAY),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 2), CalendarDay.Kind.HOLIDAY),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 3), CalendarDay.Kind.HOLIDAY),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 4), CalendarDay.Kind.WORKDAY));
    }
}
