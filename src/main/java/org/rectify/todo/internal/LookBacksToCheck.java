package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.closure.LookBacks;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** Look-backs (回头看) the caller's unit is to check and has not recorded yet, the earliest due first. */
@Component
class LookBacksToCheck implements TodoSource {

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
        return true;
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return lookBacks.toCheck(caller).stream().filter(l -> l.isPending())
                .sorted(Comparator.comparing(l -> l.dueOn()))
                .map(l -> new TodoItem(l.taskId(), l.taskRef(), l.taskTitle(), l.checkingUnitName(), l.dueOn(),
                        "/closure/look-backs/" + l.id(), "todo.action.check"))
                .toList();
    }
}
