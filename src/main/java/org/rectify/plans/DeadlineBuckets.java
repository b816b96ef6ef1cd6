package org.rectify.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deadline range as the buckets V68 counts open tasks in: whole years in the middle, whole months beside them, days at
 * the edges, so that a range of any length is a sum of at most 31 + 11 + its years + 11 + 31 kept rows (a day's, a
 * month's or a year's count), however many tasks fall in it.
 */
final class DeadlineBuckets {

    /** V68's grains: a day, a month (its first day), a year (its first day), no deadline (one bucket). */
    enum Grain {
        D, M, Y, N
    }

    /**
     * The buckets of one grain from {@code from} (inclusive) to {@code to} (exclusive); null is unbounded on that side.
     */
    record Range(Grain grain, LocalDate from, LocalDate to) {
    }

    private DeadlineBuckets() {
    }

    /**
     * The ranges of buckets whose counts add up to the open tasks with a deadline from {@code first} to {@code last}
     * (both inclusive, as the ledger's filter; null: unbounded). Without either bound every task counts, those without
     * a deadline too; with one, a task without a deadline does not match it (as {@code deadline <= ?} in SQL).
     */
    static List<Range> of(LocalDate first, LocalDate last) {
        if (first == null && last == null) {
            return List.of(new Range(Grain.Y, null, null), new Range(Grain.N, null, null));
        }
        LocalDate lo = first;
        LocalDate hi = last == null ? null : last.plusDays(1);
        List<Range> ranges = new ArrayList<>();
        if (lo != null && hi != null && !lo.isBefore(hi)) {
            return ranges;
        }
        LocalDate yearsFrom = lo == null ? null : ceilYear(lo);
        LocalDate yearsTo = hi == null ? null : hi.withDayOfYear(1);
        LocalDate monthsFrom = lo == null ? null : ceilMonth(lo);
        LocalDate monthsTo = hi == null ? null : hi.withDayOfMonth(1);
        if (yearsFrom == null || yearsTo == null || yearsFrom.isBefore(yearsTo)) {
            add(ranges, Grain.D, lo, monthsFrom);
            add(ranges, Grain.M, monthsFrom, yearsFrom);
            ranges.add(new Range(Grain.Y, yearsFrom, yearsTo));
            add(ranges, Grain.M, yearsTo, monthsTo);
            add(ranges, Grain.D, monthsTo, hi);
        } else if (monthsFrom.isBefore(monthsTo)) {
            add(ranges, Grain.D, lo, monthsFrom);
            ranges.add(new Range(Grain.M, monthsFrom, monthsTo));
            add(ranges, Grain.D, monthsTo, hi);
        } else {
            ranges.add(new Range(Grain.D, lo, hi));
        }
        return ranges;
    }

    /** A bounded range, when it holds a bucket (an edge of an unbounded side holds none: its grain is coarser). */
    private static void add(List<Range> ranges, Grain grain, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isBefore(to)) {
            ranges.add(new Range(grain, from, to));
        }
    }

    private static LocalDate ceilYear(LocalDate d) {
        return d.getDayOfYear() == 1 ? d : d.withDayOfYear(1).plusYears(1);
    }

    private static LocalDate ceilMonth(LocalDate d) {
        return d.getDayOfMonth() == 1 ? d : d.withDayOfMonth(1).plusMonths(1);
    }
}
