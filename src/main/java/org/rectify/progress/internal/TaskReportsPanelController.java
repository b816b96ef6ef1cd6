package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReportDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        model.addAttribute("cycles", byCycleNewestFirst(reports.versionsOf(taskId, caller)));
        return "progress/task-reports :: panel";
    }

    /**
     * The versions by cycle, newest cycle (and version) first: the page opens the latest cycle and folds the older
     * ones, so a task of many units and cycles stays readable on a phone.
     */
    static List<List<ReportDetail>> byCycleNewestFirst(List<ReportDetail> oldestFirst) {
        Map<Long, List<ReportDetail>> cycles = new LinkedHashMap<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            ReportDetail r = oldestFirst.get(i);
            cycles.computeIfAbsent(r.cycle().id(), id -> new ArrayList<>()).add(r);
        }
        return List.copyOf(cycles.values());
    }
}
