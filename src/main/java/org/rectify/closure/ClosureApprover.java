package org.rectify.closure;

/** Who approves a plan's closures (审定): the office running the plan, or a leader of its unit. */
public enum ClosureApprover {
    OFFICE, LEADER
}
