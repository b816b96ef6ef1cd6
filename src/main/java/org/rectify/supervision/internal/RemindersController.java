package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.Reminder;
import org.rectify.supervision.Reminders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/** The reminders that went out on the caller's tasks: the page and the API. */
@Controller
class RemindersController {

    private static final int LIMIT = 500;

    private final Reminders reminders;
    private final TaskLedger tasks;

    RemindersController(Reminders reminders, TaskLedger tasks) {
        this.reminders = reminders;
        this.tasks = tasks;
    }

    @GetMapping("/supervision/reminders")
    String page(Caller caller, Model model) {
        model.addAttribute("reminders", reminders.sent(null, caller.scope(), LIMIT));
        model.addAttribute("schedule", reminders.schedule());
        return "supervision/reminders";
    }

    @GetMapping("/api/supervision/reminders")
    @ResponseBody
    @Operation(summary = "Reminders sent on tasks in the caller's scope (of one task, if given), newest first")
    List<Reminder> sent(@RequestParam(required = false) Long taskId, Caller caller) {
        if (taskId != null) {
            tasks.get(taskId, caller.scope()); // a task out of scope is not found, as everywhere
        }
        return reminders.sent(taskId, caller.scope(), LIMIT);
    }
}
