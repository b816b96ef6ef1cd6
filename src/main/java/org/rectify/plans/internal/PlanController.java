package org.rectify.plans.internal;

import org.rectify.plans.PlanHandovers;
import org.rectify.plans.PlanShortNames;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.rectify.plans.PlanSummary;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.rectify.plans.Plans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PlanController {

    private final Plans plans;
    private final PlanShortNames shortNames;
    private final PlanHandovers handovers;
    private final org.rectify.units.Units units;
    private final Messages messages;

    PlanController(Plans plans, PlanShortNames shortNames, PlanHandovers handovers, org.rectify.units.Units units, Messages messages) {
        this.plans = plans;
        this.shortNames = shortNames;
        this.handovers = handovers;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plans(Model model, org.rectify.access.Caller caller) {
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("governed", caller.role().managesTasks()
                ? plans.governedBy(caller).stream().map(PlanSummary::id).collect(java.util.stream.Collectors.toSet())
                : java.util.Set.of());
        return "plans/list";
    }

    /** The office names its plan (临沧2018), so its tasks are told apart from other plans' in mixed lists. */
    @PostMapping("/plans/{id}/short-name")
    String shortName(@PathVariable long id, @RequestParam(required = false) String shortName,
                     org.rectify.access.Caller caller) {
        shortNames.set(id, shortName, caller);
        return "redirect:/plans";
    }

    /** The page where the office hands its plan to an office of its subtree (移交方案), with a confirmation. */
    @GetMapping("/plans/{id}/owner")
    String owner(@PathVariable long id, org.rectify.access.Caller caller, Model model) {
        return ownerForm(model, id, null, null, caller);
    }

    @PostMapping("/plans/{id}/owner")
    String handOver(@PathVariable long id, @RequestParam(required = false) Long ownerUnitId,
                    @RequestParam(defaultValue = "false") boolean confirmed, org.rectify.access.Caller caller, Model model,
                    RedirectAttributes redirect) {
        if (!confirmed) {
            handovers.offices(id, caller); // who may, before anything is said about the form
            return ownerForm(model, id, ownerUnitId, messages.text("plans.owner.confirmRequired"), caller);
        }
        try {
            handovers.handOver(id, ownerUnitId, caller);
        } catch (InvalidInputException e) {
            return ownerForm(model, id, ownerUnitId, messages.text(e), caller);
        }
        redirect.addFlashAttribute("flash", messages.text("plans.owner.done", plans.get(id).title(), units.get(ownerUnitId).name()));
        return "redirect:/plans";
    }

    private String ownerForm(Model model, long planId, Long chosen, String error, org.rectify.access.Caller caller) {
        model.addAttribute("offices", handovers.offices(planId, caller));
        model.addAttribute("plan", plans.get(planId));
        model.addAttribute("owner", plans.ownerUnitId(planId).flatMap(units::find).orElse(null));
        model.addAttribute("chosen", chosen);
        model.addAttribute("error", error);
        return "plans/owner";
    }
}
