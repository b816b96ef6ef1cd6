package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** The ledger's batch form: the tasks ticked on the page, one action, and the page reporting each task's outcome. */
@Controller
class TaskBatchController {

    private final TaskBatches batches;

    TaskBatchController(TaskBatches batches) {
        this.batches = batches;
    }

    @PostMapping("/tasks/batch")
    String run(@RequestParam(required = false) TaskBatches.Action action,
               @RequestParam(name = "taskId", required = false) List<Long> taskIds,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String demands,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate replyBy,
               Caller caller, Model model) {
        model.addAttribute("result", batches.run(new TaskBatches.Request(action, taskIds, reason, demands, replyBy), caller));
        model.addAttribute("itemLink", "/tasks/");
        model.addAttribute("back", "/tasks");
        return "batch/result";
    }
}
