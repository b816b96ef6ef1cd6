package org.rectify.plans.internal;

import org.rectify.plans.Plans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    String plans(Model model, org.rectify.access.Caller caller) {
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        return "plans/list";
    }
}
