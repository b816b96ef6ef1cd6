package org.rectify.platform.internal;

import org.rectify.platform.WorkingCalendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counting rule, from a fixed set of exceptions: a holiday is off, a make-up working day is worked, any other day
 * is worked from Monday to Friday. Immutable, so a snapshot can be shared by every request until the calendar changes.
 */
final class WorkingDays implements WorkingCalendar {

    static final WorkingDays WEEKENDS_ONLY = new WorkingDays(java.util.List.of());

    private final Map<LocalDate, CalendarDay.Kind> exceptions;

    WorkingDays(Collection<CalendarDay> days) {
        this.exceptions = days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::day, CalendarDay::kind));
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        CalendarDay.Kind kind = exceptions.get(day);
        return kind == null ? !CalendarDay.isWeekend(day) : kind == CalendarDay.Kind.WORKDAY;
    }

}
