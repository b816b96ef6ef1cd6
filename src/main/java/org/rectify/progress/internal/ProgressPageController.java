package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.rectify.platform.Paging;
import org.rectify.progress.CycleMatrix;
import org.rectify.progress.IndicatorHistory;
import org.rectify.progress.ProgressViews;
import org.rectify.progress.ReportState;
import org.rectify.progress.ReportingCycles;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The progress pages to read: "due this cycle" for units, the cycle matrix for the office, supervisors and
 * leaders, a task's indicators against their targets, and obligation compliance.
 */
@Controller
class ProgressPageController {

    private final ProgressViews views;
    private final ReportingCycles cycles;
    private final Plans plans;
    private final Units units;
    private final PlanShortNames shortNames;

    ProgressPageController(ProgressViews views, ReportingCycles cycles, Plans plans, Units units,
                           PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.views = views;
        this.cycles = cycles;
        this.plans = plans;
        this.units = units;
    }

    @GetMapping("/progress")
    String home(Caller caller, @RequestParam(required = false) Long planId) {
        return "redirect:" + ProgressHome.of(caller) + (planId == null ? "" : "?planId=" + planId);
    }

    @GetMapping("/progress/due")
    String due(Caller caller, @RequestParam(required = false) Long planId, @RequestParam(required = false) Long cycleId,
               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
               Model model) {
        if (planId != null) {
            plans.visible(planId, caller.scope());
            cycles.extend(planId);
        } else {
            plans.visibleFor(caller.scope()).forEach(p -> cycles.extend(p.id()));
        }
        // unit staff and heads read their own list whole, as before; an office, a supervisor or a leader a page at a time
        boolean paged = !caller.role().isUnitRole();
        model.addAttribute("paged", paged);
        if (!paged) {
            model.addAttribute("due", views.due(caller, planId, cycleId));
        } else {
            Paging paging = Paging.of(page, size); // a city office's some 340 items, 50 a page by default
            model.addAttribute("due", views.duePage(caller, planId, cycleId, paging.page(), paging.size()));
        }
        model.addAttribute("planId", planId);
        model.addAttribute("caller", caller);
        return "progress/due";
    }


    @GetMapping("/progress/matrix")
    String matrix(Caller caller, @RequestParam(required = false) Long planId, @RequestParam(required = false) Long cycleId,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) String section,
                  @RequestParam(required = false) ReportState state, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "" + ProgressViews.MATRIX_PAGE_SIZE) int size,
                  @RequestParam(required = false) String view,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<PlanSummary> all = plans.visibleFor(caller.scope());
        model.addAttribute("plans", all);
        model.addAttribute("caller", caller);
        Long plan = planId != null ? planId : defaultPlan(caller, all);
        if (plan == null) {
            model.addAttribute("matrix", null);
            return "progress/matrix";
        }
        cycles.extend(plan);
        CycleMatrix matrix = views.matrix(caller, plan, cycleId, unitId, section, state, page, size);
        model.addAttribute("matrix", matrix);
        model.addAttribute("view", "units".equals(view) ? "units" : "tasks");
        model.addAttribute("unitId", unitId);
        model.addAttribute("section", section);
        model.addAttribute("state", state);
        model.addAttribute("states", ReportState.values());
        model.addAttribute("maySetCadence", cycles.maySetCadence(plan, caller));
        if (htmx != null) {
            return "progress/matrix :: results";
        }
        model.addAttribute("sections", plans.sections(plan));
        model.addAttribute("units", leadingUnits(unitChoices(caller, plan), views.leadUnitIds(plan)));
        return "progress/matrix";
    }

    @GetMapping("/progress/tasks/{taskId}/indicators")
    String indicators(@PathVariable long taskId, Caller caller, Model model) {
        IndicatorHistory history = views.indicators(taskId, caller);
        model.addAttribute("history", history);
        // reached from the insight pages, which mix plans: the task says which plan it is in
        model.addAttribute("taskLabel", shortNames.label(taskId, history.ref()));
        return "progress/indicators";
    }

    @GetMapping("/progress/compliance")
    String compliance(Caller caller, @RequestParam(required = false) Long planId, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) Long unitId, Model model) {
        List<PlanSummary> all = plans.visibleFor(caller.scope());
        Long plan = planId != null ? planId : defaultPlan(caller, all);
        int y = year != null ? year : cycles.today().getYear();
        model.addAttribute("plans", all);
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(y - 5, cycles.today().getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("unitId", unitId);
        model.addAttribute("compliance", plan == null ? null : views.compliance(caller, plan, y, unitId));
        model.addAttribute("units", plan == null ? List.of() : unitChoices(caller, plan));
        return "progress/compliance";
    }

    /** The plan the caller's office runs (or the first one they see whole); else the first plan. */
    private Long defaultPlan(Caller caller, List<PlanSummary> all) {
        return all.stream().map(PlanSummary::id).filter(id -> views.seesWholePlan(caller, id)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0).id());
    }

    /**
     * The matrix filters by the units that lead the plan's tasks and the units above them (a county's subtree): a
     * province's tree is a thousand units, of which a plan names few.
     */
    private static List<Unit> leadingUnits(List<Unit> choices, java.util.Set<Long> leads) {
        java.util.Set<String> atOrAbove = new java.util.HashSet<>(); // the paths of the leads and of their parents
        choices.stream().filter(u -> leads.contains(u.id())).forEach(u -> {
            for (int i = u.path().indexOf('/', 1); i > 0; i = u.path().indexOf('/', i + 1)) {
                atOrAbove.add(u.path().substring(0, i + 1));
            }
        });
        return choices.stream().filter(u -> atOrAbove.contains(u.path())).toList();
    }

    private List<Unit> unitChoices(Caller caller, long planId) {
        if (views.seesWholePlan(caller, planId)) {
            return units.tree();
        }
        return units.tree().stream().filter(u -> caller.scope().includesUnitAt(u.path())).toList();
    }
}
