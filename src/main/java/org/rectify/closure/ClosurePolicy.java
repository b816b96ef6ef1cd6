package org.rectify.closure;

import org.rectify.access.Caller;
import org.rectify.access.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may take which step of the closure procedure, from facts the caller's module has looked up: whether the
 * caller's unit leads the task, whether the caller governs the plan, whether its unit is the acceptance unit, and
 * whom the plan names as approver. Pure, so it is tested without Spring.
 */
public final class ClosurePolicy {

    /** What the caller is to one attempt. */
    public record Standing(boolean leadsTask, boolean governsPlan, boolean isAcceptanceUnit) {
    }

    private ClosurePolicy() {
    }

    /** Unit staff and heads of a lead unit apply. */
    public static boolean mayApply(Caller caller, Standing standing) {
        return caller.role().isUnitRole() && standing.leadsTask();
    }

    public static boolean permits(Caller caller, ClosureCommand command, Standing standing, ClosureApprover approver) {
        boolean office = standing.governsPlan() && caller.role().managesTasks();
        return switch (command.actor()) {
            case UNIT_HEAD -> caller.role() == Role.UNIT_HEAD && standing.leadsTask();
            case OFFICE -> office
                    // the unit head may refuse to sign off, sending the application back to the staff
                    || (command == ClosureCommand.RETURN && caller.role() == Role.UNIT_HEAD && standing.leadsTask());
            case ACCEPTANCE_UNIT -> caller.role() == Role.ADMIN || (standing.isAcceptanceUnit() && caller.role() != Role.LEADER);
            case APPROVER -> approver == ClosureApprover.LEADER
                    ? standing.governsPlan() && (caller.role() == Role.LEADER || caller.role() == Role.ADMIN)
                    : office;
        };
    }

    /** Whether the unit head's refusal is in order: only before sign-off. */
    public static boolean headMayReturn(ClosureStage stage) {
        return stage == ClosureStage.SIGN_OFF_PENDING;
    }

    /**
     * Whether the caller may take the step on an attempt in {@code stage}, the stage's own rule aside
     * ({@link ClosureCommand#allowedFrom}): {@link #permits}, and a unit head returns only before sign-off.
     */
    public static boolean mayTake(Caller caller, ClosureCommand command, ClosureStage stage, Standing standing,
                                  ClosureApprover approver) {
        boolean headReturning = command == ClosureCommand.RETURN && caller.role() == Role.UNIT_HEAD;
        return permits(caller, command, standing, approver) && (!headReturning || headMayReturn(stage));
    }

    /** The steps the caller may take on an attempt in {@code stage} now (the buttons of its page). */
    public static Set<ClosureCommand> steps(Caller caller, ClosureStage stage, Standing standing, ClosureApprover approver) {
        Set<ClosureCommand> steps = EnumSet.noneOf(ClosureCommand.class);
        for (ClosureCommand command : ClosureCommand.values()) {
            if (command.allowedFrom(stage) && mayTake(caller, command, stage, standing, approver)) {
                steps.add(command);
            }
        }
        return steps;
    }
}
