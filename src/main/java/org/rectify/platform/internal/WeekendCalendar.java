package org.rectify.platform.internal;

import org.rectify.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Until the administrator's holiday calendar exists: Monday to Friday are working days. */
@Component
class WeekendCalendar implements WorkingCalendar {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
