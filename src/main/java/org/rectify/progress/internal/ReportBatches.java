package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.platform.Batch;
import org.rectify.platform.Messages;
import org.rectify.plans.PlanShortNames;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReportDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The unit head approves several reports at once (from the to-do list, or over JSON): each through the single
 * approval's command in its own transaction, each outcome reported.
 */
@Controller
class ReportBatches {

    private final ProgressReports reports;
    private final PlanShortNames shortNames;
    private final Messages messages;

    ReportBatches(ProgressReports reports, PlanShortNames shortNames, Messages messages) {
        this.reports = reports;
        this.shortNames = shortNames;
        this.messages = messages;
    }

    @PostMapping("/progress/reports/batch-approve")
    String approvePage(@RequestParam(name = "reportId", required = false) List<Long> reportIds, Caller caller, Model model) {
        model.addAttribute("result", approve(reportIds, caller));
        model.addAttribute("itemLink", "/progress/reports/");
        model.addAttribute("back", "/");
        return "batch/result";
    }

    Batch.Result approve(List<Long> reportIds, Caller caller) {
        return Batch.run("batch.action.APPROVE", reportIds, id -> label(reports.get(id, caller)),
                id -> reports.approve(id, caller), messages);
    }

    private String label(ReportDetail report) {
        return shortNames.label(report.taskId(), report.taskRef()) + " " + report.unitName();
    }
}
