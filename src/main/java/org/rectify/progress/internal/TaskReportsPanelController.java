package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.ProgressReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reports panel of a task's page (loaded there by htmx): every submitted version of every report the caller may
 * read, by cycle and unit, returned ones marked, and the way to the indicators' chart.
 */
@Controller
class TaskReportsPanelController {

    private final ProgressReports reports;
    private final TaskLedger tasks;

    TaskReportsPanelController(ProgressReports reports, TaskLedger tasks) {
        this.reports = reports;
        this.tasks = tasks;
    }

    @GetMapping("/progress/tasks/{taskId}/reports")
    String panel(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("task", tasks.get(taskId, caller.scope())); // 404 outside the scope
        model.addAttribute("reports", newestFirst(reports.versionsOf(taskId, caller)));
        return "progress/task-reports :: panel";
    }

    private static <T> java.util.List<T> newestFirst(java.util.List<T> oldestFirst) {
        java.util.List<T> list = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(list);
        return list;
    }
}
