package org.rectify.plans.internal;

import org.rectify.access.Caller;
import org.rectify.plans.Indicator;
import org.rectify.plans.Obligation;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskCommandPolicy;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.RectifyException;
import org.rectify.units.Units;
import org.rectify.platform.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** A task's page, its form, and the lifecycle buttons. */
@Controller
class TaskController {

    private final TaskLedger ledger;
    private final Tasks tasks;
    private final Plans plans;
    private final Units units;
    private final Messages messages;

    TaskController(TaskLedger ledger, Tasks tasks, Plans plans, Units units, Messages messages) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.plans = plans;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable long id, Caller caller, Model model) {
        TaskDetail task = ledger.get(id, caller.scope());
        boolean leads = !caller.scope().isAll() && ledger.isLedFrom(id, caller.scope().unitPath());
        model.addAttribute("task", task);
        boolean mayAct = caller.role().isUnitRole() || ledger.isGovernedBy(id, caller); // a county office reads city tasks, no more
        model.addAttribute("commands", mayAct ? TaskCommandPolicy.available(caller, task.status(), leads) : java.util.List.of());
        model.addAttribute("canEdit", caller.role().managesTasks() && mayAct);
        model.addAttribute("responsibleUnit", task.responsible() == null || task.responsible().unitId() == null ? null
                : units.find(task.responsible().unitId()).map(u -> u.name()).orElse(null));
        return "tasks/detail";
    }

    @PostMapping("/tasks/{id}/transitions")
    String transition(@PathVariable long id, @RequestParam TaskCommand command,
                      @RequestParam(required = false) String reason, Caller caller, RedirectAttributes redirect) {
        try {
            tasks.transition(id, command, reason, caller);
            redirect.addFlashAttribute("flash", text("task.transitioned", text("task.command." + command)));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/tasks/" + id;
    }

    @GetMapping("/tasks/new")
    String newTask(@RequestParam(required = false) Long planId, Caller caller, Model model) {
        requireManager(caller);
        if (planId != null) {
            plans.governed(planId, caller);
        }
        return form(model, TaskForm.blank(planId), null, Map.of(), null, caller);
    }

    @PostMapping("/tasks")
    String create(@ModelAttribute("form") TaskForm form, BindingResult binding, Caller caller, Model model,
                  RedirectAttributes redirect) {
        requireManager(caller);
        if (binding.hasErrors()) {
            return form(model, form.withBlankRows(), null, messages.fields(binding), text("error.invalid"), caller);
        }
        try {
            long id = tasks.create(form.toContent(), caller);
            redirect.addFlashAttribute("flash", text("task.created"));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            return form(model, form.withBlankRows(), null, messages.fields(e), messages.text(e), caller);
        }
    }

    @GetMapping("/tasks/{id}/edit")
    String edit(@PathVariable long id, Caller caller, Model model) {
        TaskDetail task = ledger.toActOn(id, caller);
        requireManager(caller);
        return form(model, TaskForm.of(task), id, Map.of(), null, caller);
    }

    @PostMapping("/tasks/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TaskForm form, BindingResult binding, Caller caller,
                  Model model, RedirectAttributes redirect) {
        ledger.toActOn(id, caller);
        requireManager(caller);
        if (binding.hasErrors()) {
            return form(model, form.withBlankRows(), id, messages.fields(binding), text("error.invalid"), caller);
        }
        try {
            tasks.update(id, form.getVersion(), form.toContent(), caller);
            redirect.addFlashAttribute("flash", text("task.saved"));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            return form(model, form.withBlankRows(), id, messages.fields(e), messages.text(e), caller);
        } catch (RectifyException e) {
            if (e.kind() != RectifyException.Kind.CONFLICT) {
                throw e;
            }
            // keep what the user typed; they can copy it into the latest version
            return form(model, form.withBlankRows(), id, Map.of(), messages.text(e), caller);
        }
    }

    private String form(Model model, TaskForm form, Long taskId, Map<String, String> fieldErrors, String error,
                        Caller caller) {
        model.addAttribute("form", form);
        model.addAttribute("taskId", taskId);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", error);
        model.addAttribute("plans", plans.governedBy(caller));
        var tree = units.tree();
        // an office is offered its own subtree (and whatever the task already names, so that nothing is dropped)
        java.util.Set<Long> named = new java.util.HashSet<>(form.getLeadUnitIds());
        named.addAll(form.getSupportingUnitIds());
        if (form.getResponsibleUnitId() != null) {
            named.add(form.getResponsibleUnitId());
        }
        var offered = tree.stream().filter(u -> caller.scope().includesUnitAt(u.path()) || named.contains(u.id())).toList();
        var offeredIds = offered.stream().map(u -> u.id()).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Long> namedGroups = new java.util.HashSet<>(form.getLeadGroupIds());
        namedGroups.addAll(form.getSupportingGroupIds());
        model.addAttribute("units", offered);
        model.addAttribute("unitNames", tree.stream().collect(java.util.stream.Collectors.toMap(u -> u.id(), u -> u.name())));
        model.addAttribute("groups", units.groups().stream()
                .filter(g -> offeredIds.containsAll(g.memberIds()) || namedGroups.contains(g.id())).toList());
        model.addAttribute("comparators", Indicator.Comparator.values());
        model.addAttribute("periods", Obligation.Period.values());
        return "tasks/form";
    }

    private void requireManager(Caller caller) {
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("task.editForbidden");
        }
    }

    private String text(String key, Object... args) {
        return messages.text(key, args);
    }
}
