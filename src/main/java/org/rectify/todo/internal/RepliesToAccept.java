package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.util.List;

/** Each lead unit's answer to the supervision notices the caller issued, waiting for the caller to accept it or send it back. */
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
        return notices.answersToReview(caller, TodoList.SHOWN).stream()
                .map(r -> new TodoItem(r.notice().taskId(), r.notice().taskRef(), r.notice().taskTitle(),
                        r.notice().number() + " · " + r.answer().unitName(), null,
                        "/supervision/notices/" + r.notice().id(), "todo.action.accept"))
                .toList();
    }

    @Override
    public int count(Caller caller) { // a province's root office issues thousands of notices: counted, not read
        return notices.answersToReviewCount(caller);
    }

    @Override
    public String everyItemLink() {
        return "/supervision/notices";
    }
}
