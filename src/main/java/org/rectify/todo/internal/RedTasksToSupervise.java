package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.supervision.SupervisionLedger;
import org.springframework.stereotype.Component;

import java.util.List;

/** Red (overdue) tasks the office or the supervision office has not put on the ledger (挂账督办) yet. */
@Component
class RedTasksToSupervise implements TodoSource {

    private final SupervisionLedger ledger;

    RedTasksToSupervise(SupervisionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String kind() {
        return "70-red";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.hasRole(Role.OFFICE, Role.SUPERVISOR);
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return ledger.suggestions(caller.scope(), 0, TodoList.SHOWN).stream()
                .map(t -> new TodoItem(t.taskId(), t.ref(), t.title(), null, null,
                        "/supervision/ledger#ledger-suggestions", "todo.action.supervise"))
                .toList();
    }

    @Override
    public int count(Caller caller) { // a province's root office has thousands of red tasks: counted, not read
        return ledger.suggestionCount(caller.scope());
    }

    @Override
    public int countAtMost(Caller caller, int atMost) { // the header's, on every page: not the province's every red task
        return ledger.suggestionCount(caller.scope(), atMost);
    }

    @Override
    public String everyItemLink() {
        return "/supervision/ledger#ledger-suggestions";
    }
}
