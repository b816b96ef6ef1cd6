package org.rectify.plans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * A task changed state by a command; published for audit, notifications and disclosure. {@code relapse}: a REOPEN
 * because the closed problem came back (反弹, e.g. found by a look-back); supervision reds it, puts it on the ledger
 * and proposes accountability, and circulars count it. {@code byReport}: a START given by the task's first progress
 * report (the unit was evidently at work), so that the record says so. {@code atCreation}: the ASSIGN given to a task
 * by the command that created it ({@link Tasks#createAll}); listeners acting after the commit hear of it through the
 * batch's {@link TasksCreated} instead, and leave this one alone (their condition). Not part of the audit record,
 * which stays what it was before the flag (the task's history says when it was assigned).
 */
public record TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                               String actor, String reason, Instant occurredAt, boolean relapse, boolean byReport,
                               @JsonIgnore boolean atCreation)
        implements Audited {

    public TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                            String actor, String reason, Instant occurredAt) {
        this(taskId, ref, command, from, to, actor, reason, occurredAt, false, false, false);
    }

    public TaskTransitioned(long taskId, String ref, TaskCommand command, TaskStatus from, TaskStatus to,
                            String actor, String reason, Instant occurredAt, boolean relapse, boolean byReport) {
        this(taskId, ref, command, from, to, actor, reason, occurredAt, relapse, byReport, false);
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
