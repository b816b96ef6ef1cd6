package org.rectify.closure;

/** Where a look-back (回头看) stands: waiting for its checking unit, found held (巩固) or relapsed (反弹), or withdrawn. */
public enum LookBackStatus {
    PENDING, HELD, RELAPSED,
    /** the task relapsed on another look-back (or was reopened) before this one was recorded */
    WITHDRAWN
}
