package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.progress.ReportingCycles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The landing page: leaders go to their dashboard when there is one; everyone else to their to-do (待办). */
@Controller
class TodoController {

    private final TodoList todo;
    private final InsightRoute insight;
    private final Plans plans;
    private final ReportingCycles cycles;

    TodoController(TodoList todo, InsightRoute insight, Plans plans, ReportingCycles cycles) {
        this.todo = todo;
        this.insight = insight;
        this.plans = plans;
        this.cycles = cycles;
    }

    @GetMapping("/")
    String home(Caller caller) {
        return caller.role() == Role.LEADER && insight.exists() ? "redirect:" + InsightRoute.PATH : "redirect:/todo";
    }

    @GetMapping("/todo")
    String todo(Caller caller, Model model) {
        if (caller.role().isUnitRole()) { // the current cycle must exist to be reported on (as on the due list)
            plans.visibleFor(caller.scope()).forEach(p -> cycles.extend(p.id()));
        }
        List<TodoList.Group> groups = todo.of(caller);
        model.addAttribute("groups", groups);
        model.addAttribute("total", groups.stream().mapToInt(g -> g.items().size()).sum());
        model.addAttribute("today", cycles.today());
        model.addAttribute("caller", caller);
        model.addAttribute("dashboard", !caller.role().isUnitRole() && insight.exists() ? InsightRoute.PATH : null);
        return "todo/todo";
    }
}
