package org.rectify.platform.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** An exception to "Monday to Friday": a public holiday (休) or a make-up working day (调休上班), with its holiday's name. */
record CalendarDay(LocalDate day, Kind kind, String name) {

    enum Kind { HOLIDAY, WORKDAY }

    static final int MAX_NAME = 40;

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
