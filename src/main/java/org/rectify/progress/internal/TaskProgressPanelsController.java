package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.plans.Obligation;
import org.rectify.progress.ProgressViews;
import org.rectify.progress.TaskObligationCompliance;
import org.rectify.progress.TaskObligations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task page's panels on what its reports measured (loaded there by htmx): the indicators against their targets
 * and the obligations' records against what they require; both from the reports the caller reads.
 */
@Controller
class TaskProgressPanelsController {

    private final ProgressViews views;
    private final TaskObligations obligations;

    TaskProgressPanelsController(ProgressViews views, TaskObligations obligations) {
        this.views = views;
        this.obligations = obligations;
    }

    @GetMapping("/progress/tasks/{taskId}/indicator-panel")
    String indicators(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("history", views.indicators(taskId, caller)); // 404 outside the scope
        return "progress/task-indicators :: panel";
    }

    @GetMapping("/progress/tasks/{taskId}/obligation-panel")
    String obligations(@PathVariable long taskId, @RequestParam(required = false) Integer year, Caller caller, Model model) {
        TaskObligationCompliance compliance = obligations.of(taskId, year, caller); // 404 outside the scope
        Map<Obligation, List<TaskObligationCompliance.Row>> groups = new LinkedHashMap<>();
        compliance.rows().forEach(r -> groups.computeIfAbsent(r.obligation(), o -> new ArrayList<>()).add(r));
        model.addAttribute("compliance", compliance);
        model.addAttribute("groups", groups);
        return "progress/task-obligations :: panel";
    }
}
