package org.rectify.intake.parser;

import java.time.LocalDate;

/**
 * A dated deliverable (milestone) of a task.
 *
 * @param date        the last day the deliverable is due (for a recurring one, its first due day)
 * @param phrase      the words the date was read from, e.g. {@code 2017年底前}
 * @param deliverable what is due by then, as the plan words it (null when the date stood alone, e.g. in a 时限 label)
 * @param ambiguous   true when a reviewer should check the date: the phrase allows two readings ({@code 2020年前};
 *                    the earlier one was taken), or it was resolved against the plan's dates ({@code 反馈后3个月内},
 *                    a {@code 3月底前} without a year)
 * @param from        the start of a range ({@code 2018—2020年} starts 2018-01-01), else null
 * @param recurring   true for a deadline that comes back every year ({@code 每年3月底前})
 */
public record Deadline(LocalDate date, String phrase, String deliverable, boolean ambiguous, LocalDate from,
                       boolean recurring) {

    public Deadline(LocalDate date, String phrase, String deliverable, boolean ambiguous) {
        this(date, phrase, deliverable, ambiguous, null, false);
    }

    /** The same deadline with another deliverable. */
    public Deadline withDeliverable(String other) {
        return new Deadline(date, phrase, other, ambiguous, from, recurring);
    }
}
