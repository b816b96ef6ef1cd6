package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.progress.ReportingCycles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The landing page: leaders go to their dashboard; everyone else to their to-do (待办). */
@Controller
class TodoController {

    static final String DASHBOARD = "/insight";

    private final TodoList todo;
    private final UnitDueList due;
    private final Plans plans;
    private final ReportingCycles cycles;

    TodoController(TodoList todo, UnitDueList due, Plans plans, ReportingCycles cycles) {
        this.todo = todo;
        this.due = due;
        this.plans = plans;
        this.cycles = cycles;
    }

    @GetMapping("/")
    String home(Caller caller) {
        return caller.role() == Role.LEADER ? "redirect:" + DASHBOARD : "redirect:/todo";
    }

    @GetMapping("/todo")
    String todo(Caller caller, Model model) {
        if (caller.role().isUnitRole()) { // the current cycle must exist to be reported on (as on the due list)
            int added = plans.visibleFor(caller.scope()).stream().mapToInt(p -> cycles.extend(p.id())).sum();
            if (added > 0) { // the header's count was read before: read again with the new cycles
                due.forget();
                todo.forget();
            }
        }
        List<TodoList.Group> groups = todo.of(caller);
        int total = groups.stream().mapToInt(TodoList.Group::total).sum();
        model.addAttribute("groups", groups);
        model.addAttribute("total", total);
        model.addAttribute("todoCount", total);
        model.addAttribute("today", cycles.today());
        model.addAttribute("caller", caller);
        model.addAttribute("dashboard", caller.role().isUnitRole() ? null : DASHBOARD);
        return "todo/todo";
    }
}
