package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder stage was reached and recorded (once): notify delivers it.
 *
 * @param unitId the unit that owes the report or the approval; null for a deadline, which concerns all lead units
 * @param days   days from the target date when it was sent: negative before, positive after
 */
public record ReminderDue(long reminderId, ReminderSubject subject, long taskId, Long unitId, LocalDate targetDate,
                          int days, Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String auditAction() {
        return "reminder.due";
    }

    @Override
    public String auditObject() {
        return "reminder:" + reminderId;
    }
}
