package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.closure.LookBacks;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Look-backs (回头看) the caller's unit is to check within the next month or is late with, the earliest due first
 * (the rounds a year ahead are on the look-back desk, not yet on anyone's to-do).
 */
@Component
class LookBacksToCheck implements TodoSource {

    private static final int HORIZON_DAYS = 30;

    private final LookBacks lookBacks;

    LookBacksToCheck(LookBacks lookBacks) {
        this.lookBacks = lookBacks;
    }

    @Override
    public String kind() {
        return "37-look-backs";
    }

    @Override
    public boolean concerns(Caller caller) {
        return LookBacks.recordsLookBacks(caller); // a leader's "check" would open a page it may only read
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return lookBacks.pendingToCheckBy(caller, lookBacks.today().plusDays(HORIZON_DAYS)).stream()
                .map(l -> new TodoItem(l.taskId(), l.taskRef(), l.taskTitle(), l.checkingUnitName(), l.dueOn(),
                        "/closure/look-backs/" + l.id(), "todo.action.check"))
                .toList();
    }
}
