package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline range split into V68's buckets counts every deadline in the range exactly once and no other: for every
 * pair of bounds among days at and beside month and year ends (and none), every day of three years and "no deadline".
 */
class DeadlineBucketsTests {

    private static final LocalDate START = LocalDate.of(2025, 11, 1);
    private static final LocalDate END = LocalDate.of(2028, 3, 1);

    @Test
    void every_deadline_in_a_range_is_in_exactly_one_of_its_buckets_and_every_other_in_none() {
        List<LocalDate> bounds = new ArrayList<>(Arrays.asList((LocalDate) null));
        for (LocalDate edge : List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 15), LocalDate.of(2028, 1, 1))) {
            bounds.addAll(List.of(edge.minusDays(1), edge, edge.plusDays(1)));
        }
        int checked = 0;
        for (LocalDate first : bounds) {
            for (LocalDate last : bounds) {
                List<DeadlineBuckets.Range> ranges = DeadlineBuckets.of(first, last);
                for (LocalDate d = START; d.isBefore(END); d = d.plusDays(1)) {
                    boolean in = (first == null || !d.isBefore(first)) && (last == null || !d.isAfter(last));
                    assertThat(times(ranges, d)).as("%s in %s..%s: %s", d, first, last, ranges).isEqualTo(in ? 1 : 0);
                    checked++;
                }
                assertThat(times(ranges, null)).as("no deadline in %s..%s", first, last)
                        .isEqualTo(first == null && last == null ? 1 : 0);
            }
        }
        assertThat(checked).isGreaterThan(300_000);
    }

    @Test
    void a_range_over_years_reads_whole_years_months_beside_them_and_days_at_its_edges() {
        assertThat(DeadlineBuckets.of(null, LocalDate.of(2026, 12, 4))).containsExactly(
                new DeadlineBuckets.Range(DeadlineBuckets.Grain.Y, null, LocalDate.of(2026, 1, 1)),
                new DeadlineBuckets.Range(DeadlineBuckets.Grain.M, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1)),
                new DeadlineBuckets.Range(DeadlineBuckets.Grain.D, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5)));
        assertThat(DeadlineBuckets.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 4))).as("from after to").isEmpty();
        assertThat(DeadlineBuckets.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20))).containsExactly(
                new DeadlineBuckets.Range(DeadlineBuckets.Grain.D, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 21)));
    }

    /** In how many of the ranges' buckets a task due on {@code deadline} (null: none) is counted. */
    private static int times(List<DeadlineBuckets.Range> ranges, LocalDate deadline) {
        int n = 0;
        for (DeadlineBuckets.Range r : ranges) {
            if (deadline == null) {
                n += r.grain() == DeadlineBuckets.Grain.N ? 1 : 0;
                continue;
            }
            LocalDate bucket = switch (r.grain()) {
                case D -> deadline;
                case M -> deadline.withDayOfMonth(1);
                case Y -> deadline.withDayOfYear(1);
                case N -> null;
            };
            if (bucket != null && (r.from() == null || !bucket.isBefore(r.from())) && (r.to() == null || bucket.isBefore(r.to()))) {
                n++;
            }
        }
        return n;
    }
}
