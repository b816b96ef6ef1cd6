package org.rectify.progress;

import org.rectify.plans.Obligation;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a year in which an obligation (每月…不少于1次) asks for its records: those begun by today, and not
 * before the obligation starts. The one rule for how many records a year requires and for a task's month-by-month view.
 */
public final class ObligationPeriods {

    private ObligationPeriods() {
    }

    /** One period: its first and last day (clipped to the obligation's start and to the year), current when today is in it. */
    public record Period(Obligation.Period kind, LocalDate start, LocalDate end, boolean current) {

        public boolean includes(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        /** Quarter of the year (1–4), for its label. */
        public int quarter() {
            return start.get(IsoFields.QUARTER_OF_YEAR);
        }
    }

    /** The periods of {@code year} begun by {@code today} (after the obligation starts), oldest first. */
    public static List<Period> begun(Obligation o, int year, LocalDate today) {
        LocalDate first = LocalDate.of(year, 1, 1);
        if (o.startsOn() != null && o.startsOn().isAfter(first)) {
            first = o.startsOn();
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Period> out = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(yearEnd) && !start.isAfter(today); ) {
            LocalDate next = switch (o.per()) {
                case YEAR -> yearEnd.plusDays(1);
                case QUARTER -> start.withDayOfMonth(1).withMonth((start.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).plusMonths(3);
                case MONTH -> start.withDayOfMonth(1).plusMonths(1);
                case WEEK -> start.plusWeeks(1);
            };
            LocalDate end = next.minusDays(1).isAfter(yearEnd) ? yearEnd : next.minusDays(1);
            out.add(new Period(o.per(), start, end, !today.isAfter(end)));
            start = next;
        }
        return out;
    }
}
