package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.platform.Paging;
import org.rectify.supervision.WarningBoard;
import org.rectify.supervision.WarningFilter;
import org.rectify.supervision.WarningLevel;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Set;

/** The supervision desk: every warned task in the caller's scope, most urgent first, with why. */
@Controller
class SupervisionController {

    private final WarningBoard board;
    private final Warnings warnings;
    private final Plans plans;
    private final Units units;
    private final org.rectify.plans.TaskLedger tasks;

    SupervisionController(WarningBoard board, Warnings warnings, Plans plans, Units units, org.rectify.plans.TaskLedger tasks) {
        this.tasks = tasks;
        this.board = board;
        this.warnings = warnings;
        this.plans = plans;
        this.units = units;
    }

    @GetMapping("/supervision")
    String desk(@RequestParam(required = false) Long planId, @RequestParam(required = false) String section,
                @RequestParam(required = false) Long leadUnitId, @RequestParam(required = false) List<WarningLevel> level,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        WarningFilter filter = new WarningFilter(planId, section, leadUnitId, level == null ? Set.of() : Set.copyOf(level));
        model.addAttribute("filter", filter);
        WarningBoard.Desk desk = board.desk(filter, caller.scope(), Paging.of(page, size));
        model.addAttribute("counts", desk.counts());
        model.addAttribute("countsEstimated", desk.countsEstimated());
        model.addAttribute("shownCounts", desk.shownCounts());
        model.addAttribute("result", desk.warnings());
        model.addAttribute("warnings", desk.warnings().rows());
        // a notice or an instruction only on tasks of plans the caller's office runs (it may read others)
        model.addAttribute("governed", tasks.governedAmong(desk.warnings().rows().stream().map(w -> w.taskId()).toList(), caller));
        model.addAttribute("today", warnings.today());
        model.addAttribute("caller", caller);
        model.addAttribute("mayIssue", org.rectify.supervision.SupervisionNotices.mayIssue(caller));
        model.addAttribute("mayInstruct", org.rectify.supervision.LeaderInstructions.mayInstruct(caller));
        model.addAttribute("levels", List.of(WarningLevel.RED, WarningLevel.YELLOW, WarningLevel.BLUE));
        if (htmx != null) {
            return "supervision/desk :: results";
        }
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("sections", plans.sections(planId));
        // the lead-unit filter offers the units the caller's scope reaches: a county's own, not the province's thousand
        model.addAttribute("units", caller.scope().isAll() ? units.tree() : units.subtree(caller.unitId()));
        return "supervision/desk";
    }
}
