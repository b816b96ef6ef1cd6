package org.rectify.plans;

import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * A task changed state by a command; published for audit, notifications and disclosure. {@code relapse}: a REOPEN
 * because the closed problem came back (反弹, e.g. found by a look-back); supervision reds it, puts it on the ledger
 * and proposes accountability, and circulars count it. {@code byReport}: a START given by the task's first progress
 * report (the unit was evidently at work), so that the record says so.
 */
public record TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                               String actor, String reason, Instant occurredAt, boolean relapse, boolean byReport)
        implements Audited {

    public TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                            String actor, String reason, Instant occurredAt) {
        this(taskId, ref, command, from, to, actor, reason, occurredAt, false, false);
    }

    @Override
    public String auditAction() {
        return "task.transitioned";
    }

    @Override
    public String auditObject() {
        return "task:" + taskId;
    }
}
