package org.rectify.intake.parser;

import java.time.LocalDate;

/**
 * A dated deliverable (milestone) of a task.
 *
 * @param date        the last day the deliverable is due
 * @param phrase      the words the date was read from, e.g. {@code 2017年底前}
 * @param deliverable what is due by then, as the plan words it (null when the date stood alone, e.g. in a 时限 label)
 * @param ambiguous   true when the phrase allows two readings ({@code 2020年前}); the earlier one was taken
 */
public record Deadline(LocalDate date, String phrase, String deliverable, boolean ambiguous) {
}
