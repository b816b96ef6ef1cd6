package org.rectify.todo.internal;

import java.time.LocalDate;

/**
 * One thing that waits on the user: the task it concerns ({@code taskId} null when none), what it is about
 * ({@code subject}: a unit's name, a notice's number), by when ({@code dueOn}, null: no date) and the page where it is
 * done ({@code link}), opened by a button labelled {@code actionKey}; {@code reportId}: the report a batch form may
 * tick (reports to approve), else null.
 */
public record TodoItem(Long taskId, String taskRef, String taskTitle, String subject, LocalDate dueOn, String link,
                       String actionKey, Long reportId) {

    public TodoItem(Long taskId, String taskRef, String taskTitle, String subject, LocalDate dueOn, String link,
                    String actionKey) {
        this(taskId, taskRef, taskTitle, subject, dueOn, link, actionKey, null);
    }

    /** Days past its date on {@code today} (0 when not overdue or undated). */
    public long daysOverdue(LocalDate today) {
        return dueOn == null || !today.isAfter(dueOn) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(dueOn, today);
    }
}
