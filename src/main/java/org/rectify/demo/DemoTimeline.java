package org.rectify.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo's calendar, relative to the day it is loaded: the plan started about 8 months ago and ends in about 16,
 * and the seed's 2017–2020 dates are laid onto that span in the same order and proportions. Units report monthly
 * (for the last few cycles and the current one; each cycle is some 350 reports to replay), due 3 days from today's day of the month, so whatever the day of loading the picture is the same: past cycles
 * behind, the current one due in 3 days (this morning's reminders say so). Days are in the offices' {@code zone}.
 */
record DemoTimeline(LocalDate today, int cyclesBehind, ZoneId zone) {

    /** The seed plan's span: issued on 2018-02-07, its last dated work due at the end of 2020. */
    static final LocalDate SEED_START = LocalDate.of(2018, 2, 7);
    static final LocalDate SEED_END = LocalDate.of(2020, 12, 31);

    static final int MONTHS_BEHIND = 8;
    static final int MONTHS_AHEAD = 16;
    /** The current cycle is due this many days from today. */
    static final int DAYS_TO_DUE = 3;
    static final int GRACE_DAYS = 5;

    LocalDate start() {
        return today.minusMonths(MONTHS_BEHIND);
    }

    LocalDate end() {
        return today.plusMonths(MONTHS_AHEAD);
    }

    /** A seed date on the demo's span: same order, same proportions (a date outside the seed's span stays outside). */
    LocalDate shift(LocalDate seedDay) {
        double seedDays = ChronoUnit.DAYS.between(SEED_START, SEED_END);
        double demoDays = ChronoUnit.DAYS.between(start(), end());
        long offset = Math.round(ChronoUnit.DAYS.between(SEED_START, seedDay) * demoDays / seedDays);
        return start().plusDays(offset);
    }

    /** The first day of the first reporting cycle: monthly reports began {@code cyclesBehind} before the current one. */
    LocalDate reportingStart() {
        return today.plusDays(DAYS_TO_DUE).minusMonths(cyclesBehind + 1L).plusDays(1);
    }

    /** The monthly report dates to the plan's end: the same day of the month as the current one's. */
    List<LocalDate> reportDueDates() {
        LocalDate current = today.plusDays(DAYS_TO_DUE);
        return IntStream.rangeClosed(-cyclesBehind, MONTHS_AHEAD).mapToObj(current::plusMonths).toList();
    }

    /** A moment of a day, in the offices' time zone. */
    Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    Instant daysFromStart(int days, int hour) {
        return at(start().plusDays(days), hour);
    }
}
