package org.rectify.closure;

import java.util.EnumSet;
import java.util.Set;

import static org.rectify.closure.ClosureStage.APPLIED;
import static org.rectify.closure.ClosureStage.CLOSED;
import static org.rectify.closure.ClosureStage.CONFIRMED;
import static org.rectify.closure.ClosureStage.RETURNED;
import static org.rectify.closure.ClosureStage.SIGN_OFF_PENDING;
import static org.rectify.closure.ClosureStage.UNDER_NOTICE;
import static org.rectify.closure.ClosureStage.UNDER_VERIFICATION;
import static org.rectify.closure.ClosureStage.VERIFIED;

/**
 * The closure procedure as a table, like the task lifecycle's: each step, the stages it may be taken in, where it
 * leads, and who takes it. Applying starts an attempt; objecting changes no stage (closing waits for the answer).
 */
public enum ClosureCommand {
    SIGN_OFF(EnumSet.of(SIGN_OFF_PENDING), APPLIED, Actor.UNIT_HEAD),
    ASSIGN_VERIFICATION(EnumSet.of(APPLIED), UNDER_VERIFICATION, Actor.OFFICE),
    PASS_VERIFICATION(EnumSet.of(UNDER_VERIFICATION), VERIFIED, Actor.ACCEPTANCE_UNIT),
    FAIL_VERIFICATION(EnumSet.of(UNDER_VERIFICATION), RETURNED, Actor.ACCEPTANCE_UNIT),
    /** Published for the notice period; an ONGOING task's confirmation ends here, CONFIRMED. */
    APPROVE(EnumSet.of(VERIFIED), UNDER_NOTICE, Actor.APPROVER),
    /** An objection upheld: the attempt is verified again. */
    UPHOLD_OBJECTION(EnumSet.of(UNDER_NOTICE), UNDER_VERIFICATION, Actor.OFFICE),
    CLOSE(EnumSet.of(UNDER_NOTICE), CLOSED, Actor.OFFICE),
    /** Sent back with reasons from any step before the end (the unit head may refuse to sign off). */
    RETURN(EnumSet.of(SIGN_OFF_PENDING, APPLIED, UNDER_VERIFICATION, VERIFIED, UNDER_NOTICE), RETURNED, Actor.OFFICE);

    /** Who takes a step: the lead unit's head, the office running the plan, the named acceptance unit, the approver. */
    /** The step that moves an attempt in {@code stage} forward, or null when it has ended. */
    public static ClosureCommand forward(ClosureStage stage) {
        return switch (stage) {
            case SIGN_OFF_PENDING -> SIGN_OFF;
            case APPLIED -> ASSIGN_VERIFICATION;
            case UNDER_VERIFICATION -> PASS_VERIFICATION;
            case VERIFIED -> APPROVE;
            case UNDER_NOTICE -> CLOSE;
            default -> null;
        };
    }

    public enum Actor { UNIT_HEAD, OFFICE, ACCEPTANCE_UNIT, APPROVER }

    private final Set<ClosureStage> from;
    private final ClosureStage to;
    private final Actor actor;

    ClosureCommand(Set<ClosureStage> from, ClosureStage to, Actor actor) {
        this.from = from;
        this.to = to;
        this.actor = actor;
    }

    public boolean allowedFrom(ClosureStage stage) {
        return from.contains(stage);
    }

    public ClosureStage target(ClosureKind kind) {
        return this == APPROVE && kind == ClosureKind.STAGE_CONFIRMATION ? CONFIRMED : to;
    }

    public Actor actor() {
        return actor;
    }

    /** Whether the step needs a reason (returns, failed verifications). */
    public boolean needsReason() {
        return this == RETURN || this == FAIL_VERIFICATION;
    }

    /** The stages this step cannot be taken in, for the refusals test. */
    public Set<ClosureStage> refusedFrom() {
        Set<ClosureStage> refused = EnumSet.allOf(ClosureStage.class);
        refused.removeAll(from);
        return refused;
    }
}
