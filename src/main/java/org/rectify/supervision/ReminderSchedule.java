package org.rectify.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * When reminders go out around a date: some days before it (default 7, 3, 1) and some days after it (1, 3, 7).
 * <p>
 * Each stage covers the days up to the next one, so a sweep that missed a day (the application was down) still sends
 * the stage that applies, and never a stale earlier one: 5 days before is the "7 days" stage, 2 days before the "3
 * days" stage, the date itself the last "before" stage. After the last "after" stage nothing more is sent once as many
 * days again have passed, so a long-forgotten overdue task does not get a reminder every time the schedule changes.
 *
 * @param before days before the date, any order
 * @param after  days after the date, any order
 */
public record ReminderSchedule(List<Integer> before, List<Integer> after) {

    public static final ReminderSchedule DEFAULT = new ReminderSchedule(List.of(7, 3, 1), List.of(1, 3, 7));

    public ReminderSchedule {
        before = before.stream().filter(d -> d > 0).distinct().sorted().toList();
        after = after.stream().filter(d -> d > 0).distinct().sorted().toList();
    }

    /**
     * The stage that applies to {@code target} on {@code today}, as signed days from the target (-3 = the "3 days
     * before" stage, 7 = the "7 days after" stage), or empty when no reminder is due.
     */
    public Optional<Integer> stage(LocalDate target, LocalDate today) {
        long days = ChronoUnit.DAYS.between(target, today); // negative before the target
        if (days <= 0) {
            long left = -days;
            return before.stream().filter(d -> d >= left).findFirst().map(d -> -d);
        }
        if (after.isEmpty() || days >= 2L * after.get(after.size() - 1)) {
            return Optional.empty();
        }
        return IntStream.range(0, after.size()).map(i -> after.get(after.size() - 1 - i))
                .filter(d -> d <= days).boxed().findFirst();
    }

    /** How many days ahead of today a target can still be reminded of. */
    public int daysAhead() {
        return before.isEmpty() ? -1 : before.get(before.size() - 1);
    }

    /** How many days after its target a reminder can still be due. */
    public int daysBehind() {
        return after.isEmpty() ? 0 : 2 * after.get(after.size() - 1) - 1;
    }
}
