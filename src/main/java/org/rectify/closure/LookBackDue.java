package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A look-back's due date reached a reminder stage (recorded once): notify tells the checking unit.
 *
 * @param days days from the due date when it was sent: negative before, positive after
 */
public record LookBackDue(long lookBackId, long taskId, String taskRef, String taskTitle, long checkingUnitId,
                          LocalDate dueOn, int days, Instant occurredAt) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String auditAction() {
        return "lookback.reminded";
    }

    @Override
    public String auditObject() {
        return "look-back:" + lookBackId;
    }
}
