package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.closure.ClosureSummary;
import org.rectify.closure.ClosureViews;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Closure attempts (销号) whose next step is the caller's: the unit head's sign-off, the office's naming of the
 * acceptance unit, the acceptance unit's verification, the approval, an objection to answer, a notice ended to close.
 */
@Component
class ClosuresToHandle implements TodoSource {

    private final ClosureViews closures;

    ClosuresToHandle(ClosureViews closures) {
        this.closures = closures;
    }

    @Override
    public String kind() {
        return "35-closures";
    }

    @Override
    public boolean concerns(Caller caller) {
        return true;
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return closures.awaiting(caller).stream()
                .map(c -> new TodoItem(c.taskId(), c.taskRef(), c.taskTitle(), stage(c), c.noticeUntil(),
                        "/closure/" + c.id(), "todo.action.handle"))
                .toList();
    }

    private static String stage(ClosureSummary c) {
        return String.join("、", c.leadUnits());
    }
}
