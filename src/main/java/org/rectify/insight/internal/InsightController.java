package org.rectify.insight.internal;

import org.rectify.closure.ClosureViews;
import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskFigure;
import org.rectify.platform.Messages;
import org.rectify.progress.OutstandingReports;
import org.rectify.supervision.LeaderInstructions;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.units.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * The dashboard (驾驶舱) of leaders, the office and supervisors, scoped to their unit's subtree; the unit page of unit
 * staff and heads; and the same figures as JSON.
 */
@Controller
class InsightController {

    private final KeptDashboards dashboards;
    private final Plans plans;
    private final Units units;
    private final Messages messages;
    private final OutstandingReports outstanding;
    private final SupervisionNotices notices;
    private final LeaderInstructions instructions;
    private final ClosureViews closures;

    InsightController(KeptDashboards dashboards, Plans plans, Units units, Messages messages, OutstandingReports outstanding,
                      SupervisionNotices notices, LeaderInstructions instructions, ClosureViews closures) {
        this.dashboards = dashboards;
        this.plans = plans;
        this.units = units;
        this.messages = messages;
        this.outstanding = outstanding;
        this.notices = notices;
        this.instructions = instructions;
        this.closures = closures;
    }

    @GetMapping("/insight")
    String dashboard(InsightFilter filter, Caller caller, Model model) {
        if (caller.role().isUnitRole()) {
            return "redirect:/insight/unit";
        }
        Dashboard d = dashboards.dashboard(filter, caller.scope(), filter.unitsUnder(caller));
        fill(model, d, filter, caller);
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("sections", sections(filter));
        model.addAttribute("unitTree", units.tree());
        model.addAttribute("closureStages", closures.countsByStage(caller));
        return "insight/dashboard";
    }

    /** A unit's own figures and what waits on it: reports due, notices and instructions to answer. */
    @GetMapping("/insight/unit")
    String unit(InsightFilter asked, Caller caller, Model model) {
        InsightFilter filter = new InsightFilter(asked.planId(), asked.section(), caller.unitId(), asked.from(), asked.to());
        Dashboard d = dashboards.dashboard(filter, caller.scope(), caller.unitId());
        fill(model, d, filter, caller);
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("sections", sections(filter));
        model.addAttribute("reportsDue", outstanding.count(caller));
        model.addAttribute("noticesOpen", notices.openCount(caller.scope()));
        model.addAttribute("instructionsOpen", instructions.openCount(caller));
        return "insight/unit";
    }

    @GetMapping("/api/insight")
    @ResponseBody
    Dashboard api(InsightFilter filter, Caller caller) {
        return dashboards.dashboard(filter, caller.scope(), filter.unitsUnder(caller));
    }

    /** A plan's sections for the filter; without a plan none (listing every plan's would read every task). */
    private List<String> sections(InsightFilter filter) {
        return filter.planId() == null ? List.of() : plans.sections(filter.planId());
    }

    private void fill(Model model, Dashboard d, InsightFilter filter, Caller caller) {
        model.addAttribute("d", d);
        model.addAttribute("filter", filter);
        model.addAttribute("caller", caller);
        model.addAttribute("headlineFigures", List.of(TaskFigure.CLOSED, TaskFigure.ON_SCHEDULE, TaskFigure.BEHIND,
                TaskFigure.OVERDUE, TaskFigure.ONGOING, TaskFigure.RELAPSED));
        model.addAttribute("warningFigures", List.of(TaskFigure.RED, TaskFigure.YELLOW, TaskFigure.BLUE));
        model.addAttribute("overdueFigure", TaskFigure.OVERDUE);
        model.addAttribute("closedFigure", TaskFigure.CLOSED);
        model.addAttribute("periodFrom", filter.periodFrom(d.asOf()));
        model.addAttribute("periodTo", filter.periodTo(d.asOf()));
        model.addAttribute("unitsChart", Charts.units(d, filter, messages));
        model.addAttribute("burnUpChart", Charts.burnUp(d, filter, messages));
        model.addAttribute("trendChart", Charts.trend(d, messages));
        model.addAttribute("complianceChart", Charts.compliance(d, messages));
    }
}
