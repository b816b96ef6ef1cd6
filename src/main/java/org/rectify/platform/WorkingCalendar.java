package org.rectify.platform;

import java.time.LocalDate;

/**
 * Counts periods in calendar days or in China's working days, where "5个工作日" skips weekends and public holidays
 * but counts the make-up working days (调休) the State Council announces each year.
 */
public interface WorkingCalendar {

    enum DayCount { CALENDAR_DAYS, WORKING_DAYS }

    boolean isWorkingDay(LocalDate day);

    /** The last day of a period of {@code days} days that starts the day after {@code start}. */
    default LocalDate periodEnd(LocalDate start, int days, DayCount count) {
        if (count == DayCount.CALENDAR_DAYS) {
            return start.plusDays(days);
        }
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
