package org.rectify.closure;

/** Where one closure attempt stands. RETURNED, CLOSED and CONFIRMED end it; a task has at most one attempt in flight. */
public enum ClosureStage {
    /** Applied; the plan wants the unit head's sign-off first. */
    SIGN_OFF_PENDING,
    /** Applied; the office names the acceptance unit. */
    APPLIED,
    UNDER_VERIFICATION,
    VERIFIED,
    /** Approved and published: the public may object until the notice period ends (公示期). */
    UNDER_NOTICE,
    CLOSED,
    /** An ONGOING task's stage goals confirmed (阶段性目标已完成); the task stays ONGOING. */
    CONFIRMED,
    RETURNED;

    public boolean inFlight() {
        return this != RETURNED && this != CLOSED && this != CONFIRMED;
    }
}
