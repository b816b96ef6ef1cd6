package org.rectify.closure;

/** What an attempt asks for: closing the task, or (for an ONGOING task) confirming its stage goals are met. */
public enum ClosureKind {
    CLOSURE, STAGE_CONFIRMATION
}
