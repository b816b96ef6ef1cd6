package org.rectify.insight.internal;

import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.Messages;
import org.rectify.supervision.TaskWarning;
import org.rectify.supervision.WarningBoard;
import org.rectify.supervision.WarningFilter;
import org.rectify.supervision.WarningLevel;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first draft of a briefing (调度报告) from today's figures: the headline, progress per section, the units with the
 * most red warnings, the red tasks with their reasons, the relapses, and a heading for the next steps that the office
 * writes itself. The office edits every word on screen before downloading.
 */
@Component
class BriefingDraft {

    /** The red tasks and relapses named one by one; more are counted. */
    static final int MAX_NAMED = 20;

    private final Figures figures;
    private final KeptDashboards dashboards;
    private final Plans plans;
    private final TaskLedger ledger;
    private final WarningBoard warnings;
    private final Messages messages;
    private final PlanShortNames shortNames;

    BriefingDraft(Figures figures, KeptDashboards dashboards, Plans plans, TaskLedger ledger, WarningBoard warnings, Messages messages,
                  PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.figures = figures;
        this.dashboards = dashboards;
        this.plans = plans;
        this.ledger = ledger;
        this.warnings = warnings;
        this.messages = messages;
    }

    record Draft(String title, LocalDate date, String issuer, String text) {
    }

    Draft draft(InsightFilter filter, DataScope scope, Long unitsUnder, String unitName, LocalDate date) {
        // the dashboard's own figures (kept, and computed once per filter until the facts change)
        Dashboard d = dashboards.dashboard(filter, scope, unitsUnder);
        Dashboard.Headline h = d.headline();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(messages.text("insight.briefing.headline", written(date), h.total(), count(h, TaskFigure.CLOSED),
                count(h, TaskFigure.ONGOING), count(h, TaskFigure.ON_SCHEDULE), count(h, TaskFigure.BEHIND),
                count(h, TaskFigure.OVERDUE), count(h, TaskFigure.RELAPSED), h.closureRate(), h.elapsedShare()));
        if (filter.planId() != null && filter.section() == null) {
            paragraphs.add(messages.text("insight.briefing.sections"));
            for (String section : plans.sections(filter.planId())) {
                Dashboard.Headline s = figures.headline(new InsightFilter(filter.planId(), section, filter.unitId(), null, null), scope);
                paragraphs.add(messages.text("insight.briefing.section", section, s.total(), count(s, TaskFigure.CLOSED),
                        count(s, TaskFigure.ON_SCHEDULE) + count(s, TaskFigure.ONGOING), count(s, TaskFigure.BEHIND),
                        count(s, TaskFigure.OVERDUE)));
            }
        }
        String behind = d.units().stream()
                .filter(u -> u.count(TaskFigure.RED) + u.count(TaskFigure.YELLOW) > 0)
                .map(u -> messages.text("insight.briefing.unit", u.unitName(), u.count(TaskFigure.RED), u.count(TaskFigure.YELLOW)))
                .collect(Collectors.joining(messages.text("insight.briefing.separator")));
        paragraphs.add(behind.isEmpty() ? messages.text("insight.briefing.noUnitsBehind")
                : messages.text("insight.briefing.unitsBehind", behind));
        List<TaskWarning> red = warnings.mostUrgent(new WarningFilter(filter.planId(), filter.section(), filter.unitId(),
                Set.of(WarningLevel.RED)), scope, MAX_NAMED);
        paragraphs.add(red.isEmpty() ? messages.text("insight.briefing.noRed") : messages.text("insight.briefing.red", count(h, TaskFigure.RED)));
        // a briefing may cover several plans and is read away from the tasks: each named with its plan, 临沧2018·三(一)
        PlanShortNames.TaskLabels redLabels = shortNames.labels(red.stream().map(TaskWarning::taskId).toList());
        red.forEach(t -> paragraphs.add(messages.text("insight.briefing.redTask", redLabels.of(t.taskId(), t.ref()), t.title(),
                String.join(messages.text("list.separator"), t.leadUnits()), t.reasons().stream().map(r -> messages.text("supervision.reason." + r))
                        .collect(Collectors.joining(messages.text("insight.briefing.separator"))))));
        List<TaskSummary> relapsed = ledger.find(new LedgerFilter(filter.planId(), filter.section(), filter.unitId(), Set.of(),
                null, null, null, null, null, false, 0, MAX_NAMED, TaskFigure.RELAPSED), scope).tasks();
        PlanShortNames.TaskLabels relapsedLabels = shortNames.labels(relapsed.stream().map(TaskSummary::id).toList());
        paragraphs.add(relapsed.isEmpty() ? messages.text("insight.briefing.noRelapses")
                : messages.text("insight.briefing.relapses", count(h, TaskFigure.RELAPSED), relapsed.stream()
                .map(t -> relapsedLabels.of(t.id(), t.ref()) + " " + t.displayTitle()).collect(Collectors.joining(messages.text("insight.briefing.separator")))));
        paragraphs.add(messages.text("insight.briefing.nextSteps"));
        paragraphs.add(messages.text("insight.briefing.nextStepsHint"));
        return new Draft(messages.text("insight.briefing.documentTitle"), date,
                messages.text("insight.briefing.issuer", unitName), String.join("\n\n", paragraphs));
    }

    /** The date as each language writes it in a text: 2026年12月5日, 2026-12-05 (numbers, so that English pads them). */
    private String written(LocalDate date) {
        return messages.text("insight.briefing.date", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static long count(Dashboard.Headline h, TaskFigure f) {
        return h.counts().getOrDefault(f, 0L);
    }
}
