package org.rectify.todo.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.rectify.access.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** The number beside 待办 in the header of every page. */
@ControllerAdvice(annotations = Controller.class)
class TodoCount {

    private final TodoList todo;

    TodoCount(TodoList todo) {
        this.todo = todo;
    }

    @ModelAttribute("todoCount")
    Integer todoCount(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request) {
        if (htmx != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // an htmx fragment or an API answer (a @RestController is a @Controller too) has no header to show it in:
            // spare the reads of every to-do source
            return null;
        }
        return Callers.current().map(todo::count).orElse(null);
    }
}
