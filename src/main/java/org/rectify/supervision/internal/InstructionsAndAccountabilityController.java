package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.platform.RectifyException;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityType;
import org.rectify.supervision.LeaderInstructions;
import org.rectify.supervision.NewAccountabilityAction;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Leaders' instructions (批示) and the accountability record (约谈 / 问责). */
@Controller
class InstructionsAndAccountabilityController {

    private final LeaderInstructions instructions;
    private final Accountability accountability;
    private final TaskLedger tasks;
    private final Units units;
    private final Warnings warnings;
    private final Messages messages;

    InstructionsAndAccountabilityController(LeaderInstructions instructions, Accountability accountability, TaskLedger tasks,
                                            Units units, Warnings warnings, Messages messages) {
        this.instructions = instructions;
        this.accountability = accountability;
        this.tasks = tasks;
        this.units = units;
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping("/supervision/instructions")
    String instructions(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        Caller caller, Model model) {
        var result = instructions.forCaller(caller, Paging.of(page, size));
        model.addAttribute("result", result);
        model.addAttribute("instructions", result.rows());
        model.addAttribute("today", warnings.today());
        model.addAttribute("caller", caller);
        model.addAttribute("mayAnswerAll", caller.role().managesTasks());
        return "supervision/instructions";
    }

    /** The instructions on one task with their answers, a panel of the task's page (loaded by htmx). */
    @GetMapping("/supervision/tasks/{taskId}/instructions")
    String taskPanel(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("task", tasks.get(taskId, caller.scope()));
        model.addAttribute("instructions", instructions.ofTask(taskId, caller.scope()));
        model.addAttribute("today", warnings.today());
        model.addAttribute("mayInstruct", LeaderInstructions.mayInstruct(caller) && tasks.isGovernedBy(taskId, caller));
        return "supervision/task-instructions :: panel";
    }

    @GetMapping("/supervision/instructions/new")
    String newInstruction(@RequestParam(required = false) Long taskId, @RequestParam(required = false) String back,
                          Caller caller, Model model, RedirectAttributes redirect) {
        if (taskId == null) { // an old link or bookmark: the desk lists the warned tasks with their buttons
            redirect.addFlashAttribute("flashInfo", messages.text("supervision.instruction.pickTask"));
            return "redirect:/supervision";
        }
        model.addAttribute("back", back);
        model.addAttribute("task", tasks.get(taskId, caller.scope()));
        if (!LeaderInstructions.mayInstruct(caller)) {
            throw new org.rectify.platform.ForbiddenException("supervision.instruction.forbidden");
        }
        tasks.governed(taskId, caller); // a task of another office's plan: not found
        model.addAttribute("answerBy", warnings.today().plusDays(7));
        model.addAttribute("fieldErrors", Map.of());
        return "supervision/instruction-form";
    }

    @PostMapping("/supervision/instructions")
    String give(@RequestParam long taskId, @RequestParam(required = false) String text,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answerBy,
                @RequestParam(required = false) String back, Caller caller, Model model, RedirectAttributes redirect) {
        try {
            instructions.give(taskId, text, answerBy, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.instruction.given"));
            return "task".equals(back) ? "redirect:/tasks/" + taskId : "redirect:/supervision/instructions";
        } catch (InvalidInputException e) {
            model.addAttribute("task", tasks.get(taskId, caller.scope()));
            model.addAttribute("text", text);
            model.addAttribute("answerBy", answerBy);
            model.addAttribute("back", back);
            model.addAttribute("fieldErrors", messages.fields(e));
            return "supervision/instruction-form";
        }
    }

    @PostMapping("/supervision/instructions/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, Caller caller,
                  RedirectAttributes redirect) {
        try {
            instructions.answer(id, answer, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.instruction.answered"));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/instructions";
    }

    @GetMapping("/supervision/accountability")
    String accountability(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                          Caller caller, Model model) {
        actions(model, caller, Paging.of(page, size));
        form(model, caller, Map.of());
        return "supervision/accountability";
    }

    @PostMapping("/supervision/accountability")
    String record(@RequestParam(required = false) AccountabilityType type, @RequestParam(required = false) Long unitId,
                  @RequestParam(required = false) String personName, @RequestParam(required = false) String personPost,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String decisionRef,
                  @RequestParam(required = false) List<Long> taskIds, Caller caller, Model model, RedirectAttributes redirect) {
        NewAccountabilityAction action = new NewAccountabilityAction(type, unitId, personName, personPost, takenOn, reason,
                decisionRef, taskIds);
        try {
            accountability.record(action, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.accountability.recorded"));
            return "redirect:/supervision/accountability";
        } catch (InvalidInputException e) {
            actions(model, caller, Paging.first());
            model.addAttribute("entered", action);
            form(model, caller, messages.fields(e));
            return "supervision/accountability";
        }
    }

    private void actions(Model model, Caller caller, Paging paging) {
        var result = accountability.page(caller, paging);
        model.addAttribute("result", result);
        model.addAttribute("actions", result.rows());
    }

    private void form(Model model, Caller caller, Map<String, String> fieldErrors) {
        model.addAttribute("mayRecord", Accountability.mayRecord(caller));
        model.addAttribute("types", AccountabilityType.values());
        model.addAttribute("units", units.tree());
        model.addAttribute("tasks", tasks.find(LedgerFilter.ofPlan(null, LedgerFilter.MAX_PAGE_SIZE), caller.scope()).tasks());
        model.addAttribute("today", warnings.today());
        model.addAttribute("fieldErrors", fieldErrors);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", new NewAccountabilityAction(null, null, null, null, warnings.today(), null, null, List.of()));
        }
    }
}
