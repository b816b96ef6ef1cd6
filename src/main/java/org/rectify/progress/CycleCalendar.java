package org.rectify.progress;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The periods a cadence makes: pure date arithmetic, no database. */
final class CycleCalendar {

    /** How far ahead cycles are generated. */
    static final int MONTHS_AHEAD = 3;

    record Period(LocalDate start, LocalDate end, LocalDate dueOn, LocalDate graceUntil) {
    }

    private CycleCalendar() {
    }

    /**
     * The periods after {@code lastEnd} (null: from the cadence's start), up to the period containing
     * {@code horizon}; for CUSTOM, every listed date after it.
     */
    static List<Period> periods(ReportingCadence cadence, LocalDate lastEnd, LocalDate horizon) {
        LocalDate cursor = lastEnd == null || lastEnd.isBefore(cadence.startsOn()) ? cadence.startsOn() : lastEnd.plusDays(1);
        List<Period> out = new ArrayList<>();
        if (cadence.kind() == CadenceKind.CUSTOM) {
            for (LocalDate due : cadence.customDueDates()) {
                if (due.isBefore(cursor)) {
                    continue;
                }
                out.add(new Period(cursor, due, due, due.plusDays(cadence.graceDays())));
                cursor = due.plusDays(1);
            }
            return out;
        }
        while (!cursor.isAfter(horizon)) {
            LocalDate end = cadence.kind() == CadenceKind.MONTHLY ? cursor.with(TemporalAdjusters.lastDayOfMonth())
                    : endOfQuarter(cursor);
            LocalDate due = end.withDayOfMonth(Math.min(cadence.dueDay(), end.lengthOfMonth()));
            if (due.isBefore(cursor)) { // a first period that starts after its month's due day
                due = end;
            }
            out.add(new Period(cursor, end, due, due.plusDays(cadence.graceDays())));
            cursor = end.plusDays(1);
        }
        return out;
    }

    static LocalDate horizon(CadenceKind kind, LocalDate today) {
        return today.plusMonths(kind == CadenceKind.QUARTERLY ? 2L * MONTHS_AHEAD : MONTHS_AHEAD);
    }

    /** The default first day: the first day of this month (or quarter). */
    static LocalDate defaultStart(CadenceKind kind, LocalDate today, List<LocalDate> customDueDates) {
        if (kind == CadenceKind.QUARTERLY) {
            return startOfQuarter(today);
        }
        if (kind == CadenceKind.CUSTOM && !customDueDates.isEmpty()) {
            LocalDate first = customDueDates.get(0);
            return first.withDayOfMonth(1).isBefore(today.withDayOfMonth(1)) ? first.withDayOfMonth(1) : today.withDayOfMonth(1);
        }
        return today.withDayOfMonth(1);
    }

    static LocalDate startOfQuarter(LocalDate day) {
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
    }

    static LocalDate endOfQuarter(LocalDate day) {
        return startOfQuarter(day).plusMonths(3).minusDays(1);
    }
}
