package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.supervision.Reminder;
import org.rectify.supervision.Reminders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reminders that went out on the caller's tasks: the page and the API. */
@Controller
class RemindersController {

    private final Reminders reminders;
    private final TaskLedger tasks;

    RemindersController(Reminders reminders, TaskLedger tasks) {
        this.reminders = reminders;
        this.tasks = tasks;
    }

    /** One line of the page: a reminder stage of one task, with every unit it went to. */
    record Line(Reminder first, List<String> units) {
    }

    @GetMapping("/supervision/reminders")
    String page(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Caller caller, Model model) {
        // a page of reminders (one per unit), its lines grouped on the page: a stage sent to many units may go on over
        // the next page
        ListPage<Reminder> result = reminders.sent(null, caller.scope(), Paging.of(page, size));
        model.addAttribute("result", result);
        Map<List<Object>, Line> lines = new LinkedHashMap<>();
        for (Reminder r : result.rows()) {
            lines.computeIfAbsent(List.of(r.sentOn(), r.subject(), r.taskId(), r.targetDate(), r.stage()),
                    k -> new Line(r, new ArrayList<>())).units().add(r.unitName());
        }
        model.addAttribute("lines", lines.values());
        List<Integer> before = new ArrayList<>(reminders.schedule().before());
        Collections.reverse(before); // 7, 3, 1: counted down to the date
        model.addAttribute("before", before);
        model.addAttribute("after", reminders.schedule().after());
        return "supervision/reminders";
    }

    @GetMapping("/api/supervision/reminders")
    @ResponseBody
    @Operation(summary = "Reminders sent on tasks in the caller's scope (of one task, if given), newest first; "
            + SupervisionApiController.PAGED)
    ResponseEntity<List<Reminder>> sent(@RequestParam(required = false) Long taskId, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, Caller caller) {
        if (taskId != null) {
            tasks.get(taskId, caller.scope()); // a task out of scope is not found, as everywhere
        }
        return reminders.sent(taskId, caller.scope(), Paging.of(page, size)).asArray();
    }
}
