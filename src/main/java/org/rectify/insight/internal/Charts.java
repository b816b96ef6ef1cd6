package org.rectify.insight.internal;

import org.rectify.plans.TaskFigure;
import org.rectify.platform.Messages;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's charts as JSON for {@code static/js/insight.js} (the page's Content-Security-Policy allows no inline
 * script): labels, series with their colours and, where a bar stands for tasks, the ledger link it opens.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<TaskFigure, String> COLOURS = Map.of(TaskFigure.RED, "#c0392b", TaskFigure.YELLOW, "#e0a800",
            TaskFigure.BLUE, "#2c7be5", TaskFigure.CLOSED, "#198754");

    private Charts() {
    }

    /** Units' tasks stacked by warning (red, yellow, blue, the rest), each segment linking to its ledger. */
    static String units(Dashboard d, InsightFilter filter, Messages messages) {
        List<String> labels = d.units().stream().map(Dashboard.UnitRow::unitName).toList();
        List<Object> series = new ArrayList<>();
        for (TaskFigure f : List.of(TaskFigure.RED, TaskFigure.YELLOW, TaskFigure.BLUE)) {
            series.add(series(messages.text("figure." + f), COLOURS.get(f),
                    d.units().stream().map(u -> (Object) u.count(f)).toList(),
                    d.units().stream().map(u -> filter.ledger(f, u.unitId())).toList()));
        }
        series.add(series(messages.text("insight.noWarning"), "#adb5bd",
                d.units().stream().map(u -> (Object) (u.total() - u.count(TaskFigure.RED) - u.count(TaskFigure.YELLOW)
                        - u.count(TaskFigure.BLUE))).toList(),
                d.units().stream().map(u -> filter.ledger(null, u.unitId())).toList()));
        return json(Map.of("kind", "stacked", "horizontal", true, "labels", labels, "series", series));
    }

    static String burnUp(Dashboard d, InsightFilter filter, Messages messages) {
        List<String> labels = d.burnUp().stream().map(p -> p.month().toString()).toList();
        return json(Map.of("kind", "line", "labels", labels, "series", List.of(
                series(messages.text("insight.burnUp.due"), "#a61b1b", d.burnUp().stream().map(p -> (Object) p.due()).toList(),
                        d.burnUp().stream().map(p -> filter.ledgerDueBy(p.month().atEndOfMonth())).toList()),
                series(messages.text("insight.burnUp.closed"), COLOURS.get(TaskFigure.CLOSED),
                        d.burnUp().stream().map(p -> (Object) p.closed()).toList(), null))));
    }

    static String trend(Dashboard d, Messages messages) {
        List<String> labels = d.trend().stream().map(w -> w.week().toString().substring(5)).toList();
        return json(Map.of("kind", "stacked", "horizontal", false, "labels", labels, "series", List.of(
                series(messages.text("figure.RED"), COLOURS.get(TaskFigure.RED), d.trend().stream().map(w -> (Object) w.red()).toList(), null),
                series(messages.text("figure.YELLOW"), COLOURS.get(TaskFigure.YELLOW), d.trend().stream().map(w -> (Object) w.yellow()).toList(), null),
                series(messages.text("figure.BLUE"), COLOURS.get(TaskFigure.BLUE), d.trend().stream().map(w -> (Object) w.blue()).toList(), null))));
    }

    /**
     * Units × months, the cell the share of the month's required records held (1 = all); blank for months to come and
     * for months before the first plan began, when nothing was owed.
     */
    static String compliance(Dashboard d, Messages messages) {
        List<String> units = d.compliance().stream().map(Dashboard.ComplianceRow::unitName).toList();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(messages.text("insight.month", m));
        }
        List<List<Object>> cells = new ArrayList<>();
        int thisMonth = d.asOf().getMonthValue();
        for (int u = 0; u < d.compliance().size(); u++) {
            Dashboard.ComplianceRow row = d.compliance().get(u);
            for (int m = d.firstMonthOwed() - 1; m < thisMonth; m++) {
                cells.add(List.of(m, u, Dashboard.ComplianceRow.share(row.recordedByMonth().get(m), row.requiredPerMonth())));
            }
        }
        return json(Map.of("kind", "heatmap", "labels", months, "rows", units, "cells", cells));
    }

    private static Map<String, Object> series(String name, String colour, List<Object> values, List<String> links) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("color", colour);
        s.put("values", values);
        if (links != null) {
            s.put("links", links);
        }
        return s;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
