package org.rectify.supervision;

import java.time.LocalDate;

/** A reminder that went out, as listed for the office and the units concerned. */
public record Reminder(long id, ReminderSubject subject, long taskId, String taskRef, String taskTitle, String unitName,
                       LocalDate targetDate, int stage, int days, LocalDate sentOn) {
}
