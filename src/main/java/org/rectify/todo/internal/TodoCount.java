package org.rectify.todo.internal;

import org.rectify.access.Callers;
import org.rectify.platform.HeaderFigure;
import org.springframework.stereotype.Component;

/**
 * The number beside 待办 in the header of every page (the to-do page puts in its own, read with its list), counted to
 * 1,000 at most: the header shows "999+" beyond (layout.html), as the province office's 124,000 red tasks would be.
 */
@Component
class TodoCount extends HeaderFigure {

    private final TodoList todo;

    TodoCount(TodoList todo) {
        super("todoCount");
        this.todo = todo;
    }

    @Override
    protected Integer figure() {
        return Callers.current().map(caller -> todo.countAtMost(caller, 1000)).orElse(null);
    }
}
