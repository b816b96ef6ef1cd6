package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.util.List;

/** Supervision notices (督办单) on tasks the caller's units lead that they have not answered yet. */
@Component
class NoticesToAnswer implements TodoSource {

    private final SupervisionNotices notices;

    NoticesToAnswer(SupervisionNotices notices) {
        this.notices = notices;
    }

    @Override
    public String kind() {
        return "40-notices";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.role().isUnitRole();
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return notices.awaitingAnswerFrom(caller).stream()
                .map(n -> new TodoItem(n.taskId(), n.taskRef(), n.taskTitle(), n.number(), n.replyBy(),
                        "/supervision/notices/" + n.id(), "todo.action.answer"))
                .toList();
    }
}
