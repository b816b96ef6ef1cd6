package org.rectify.todo.internal;

import org.rectify.access.Callers;
import org.rectify.platform.HeaderFigure;
import org.springframework.stereotype.Component;

/** The number beside 待办 in the header of every page (the to-do page puts in its own, read with its list). */
@Component
class TodoCount extends HeaderFigure {

    private final TodoList todo;

    TodoCount(TodoList todo) {
        super("todoCount");
        this.todo = todo;
    }

    @Override
    protected Integer figure() {
        return Callers.current().map(todo::count).orElse(null);
    }
}
