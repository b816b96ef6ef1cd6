package org.rectify.plans.internal;

import org.rectify.access.Caller;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.LedgerParams;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The ledger page (台账, the task ledger): filters on the left of the table, results re-rendered by htmx as filters
 * change. Not supervision's 挂账督办 ({@code LedgerSupervisionController}); see docs/glossary.md.
 */
@Controller
class LedgerController {

    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;

    LedgerController(TaskLedger ledger, Plans plans, Units units) {
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
    }

    @GetMapping("/tasks")
    String ledger(LedgerParams params, Caller caller, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        LedgerFilter filter = params.toFilter();
        model.addAttribute("result", ledger.find(filter, caller.scope()));
        model.addAttribute("filter", filter);
        model.addAttribute("links", new LedgerLinks(filter));
        model.addAttribute("params", params);
        model.addAttribute("caller", caller);
        if (htmx != null) {
            return "tasks/ledger :: results";
        }
        model.addAttribute("plans", plans.visibleTitles(caller.scope()));
        model.addAttribute("sections", plans.sections(filter.planId()));
        model.addAttribute("units", units.tree());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("sorts", LedgerFilter.Sort.values());
        return "tasks/ledger";
    }
}
