package org.rectify.plans;

import org.rectify.access.Caller;

import java.util.Arrays;
import java.util.List;

/**
 * Who may give which command: the office (and administrators) any; a lead unit's own staff and head
 * only START and REQUEST_CLOSURE on tasks their unit leads; supervisors and leaders none (they have
 * their own instruments).
 */
public final class TaskCommandPolicy {

    private TaskCommandPolicy() {
    }

    public static boolean permits(Caller caller, TaskCommand command, boolean callerLeadsTask) {
        if (caller.role().managesTasks()) {
            return true;
        }
        return caller.role().isUnitRole() && callerLeadsTask && !command.officeOnly();
    }

    /** The commands this caller could give on a task in this state, for the buttons on the page. */
    public static List<TaskCommand> available(Caller caller, TaskStatus status, boolean callerLeadsTask) {
        return Arrays.stream(TaskCommand.values())
                .filter(c -> !c.byClosureOnly() && c.allowedFrom(status) && permits(caller, c, callerLeadsTask))
                .toList();
    }
}
