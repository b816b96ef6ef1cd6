package org.rectify.plans;

import java.util.EnumSet;
import java.util.Set;

import static org.rectify.plans.TaskStatus.ASSIGNED;
import static org.rectify.plans.TaskStatus.CANCELLED;
import static org.rectify.plans.TaskStatus.CLOSED;
import static org.rectify.plans.TaskStatus.CLOSURE_REQUESTED;
import static org.rectify.plans.TaskStatus.DRAFT;
import static org.rectify.plans.TaskStatus.IN_PROGRESS;
import static org.rectify.plans.TaskStatus.ONGOING;
import static org.rectify.plans.TaskStatus.REOPENED;

/**
 * The lifecycle as a table: each command, the states it may be given in, the state it leads to,
 * whether it needs a reason, and whether only the office may give it.
 */
public enum TaskCommand {
    ASSIGN(EnumSet.of(DRAFT), ASSIGNED, false, true),
    START(EnumSet.of(ASSIGNED, REOPENED), IN_PROGRESS, false, false),
    // the three closure steps are given only by the closure procedure (Tasks.closureStep); ONGOING tasks are not
    // closed, their stage goals are confirmed without leaving ONGOING
    REQUEST_CLOSURE(EnumSet.of(IN_PROGRESS, REOPENED), CLOSURE_REQUESTED, false, false),
    RETURN_CLOSURE(EnumSet.of(CLOSURE_REQUESTED), IN_PROGRESS, true, true),
    CLOSE(EnumSet.of(CLOSURE_REQUESTED), CLOSED, false, true),
    // not while a closure application is in flight: the procedure would be left with a task it cannot close
    MARK_ONGOING(EnumSet.of(IN_PROGRESS), ONGOING, false, true),
    REOPEN(EnumSet.of(CLOSED, ONGOING), REOPENED, true, true),
    CANCEL(EnumSet.of(DRAFT, ASSIGNED, IN_PROGRESS, CLOSURE_REQUESTED, ONGOING, REOPENED), CANCELLED, true, true);

    private final Set<TaskStatus> from;
    private final TaskStatus to;
    private final boolean needsReason;
    private final boolean officeOnly;

    TaskCommand(Set<TaskStatus> from, TaskStatus to, boolean needsReason, boolean officeOnly) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.officeOnly = officeOnly;
    }

    public boolean allowedFrom(TaskStatus status) {
        return from.contains(status);
    }

    public TaskStatus target() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    public boolean officeOnly() {
        return officeOnly;
    }

    /** Given only as a step of the closure procedure (销号), never on its own. */
    public boolean byClosureOnly() {
        return this == REQUEST_CLOSURE || this == RETURN_CLOSURE || this == CLOSE;
    }
}
