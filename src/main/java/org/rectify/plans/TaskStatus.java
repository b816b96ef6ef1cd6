package org.rectify.plans;

/** Where a task stands in its lifecycle. */
public enum TaskStatus {
    DRAFT, ASSIGNED, IN_PROGRESS, CLOSURE_REQUESTED, CLOSED,
    /** 长期坚持: done, but must keep being done and reported. */
    ONGOING,
    /** Closed once, then relapsed (反弹). */
    REOPENED,
    CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
