package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.util.List;

/** Replies to the supervision notices the caller issued, waiting for the caller to accept them or send them back. */
@Component
class RepliesToAccept implements TodoSource {

    private final SupervisionNotices notices;

    RepliesToAccept(SupervisionNotices notices) {
        this.notices = notices;
    }

    @Override
    public String kind() {
        return "60-replies";
    }

    @Override
    public boolean concerns(Caller caller) {
        return !caller.role().isUnitRole();
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return notices.repliesToAccept(caller).stream()
                .map(n -> new TodoItem(n.taskId(), n.taskRef(), n.taskTitle(), n.number(), null,
                        "/supervision/notices/" + n.id(), "todo.action.accept"))
                .toList();
    }
}
