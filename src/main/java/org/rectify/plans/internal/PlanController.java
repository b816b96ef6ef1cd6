package org.rectify.plans.internal;

import org.rectify.plans.PlanShortNames;
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

    PlanController(Plans plans, PlanShortNames shortNames) {
        this.plans = plans;
        this.shortNames = shortNames;
    }

    @GetMapping("/plans")
    String plans(Model model, org.rectify.access.Caller caller) {
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("shortNames", shortNames.all());
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
}
