package org.rectify.progress;

import org.rectify.plans.Indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A task's indicators against their targets: every value reported in a submitted report, by date. */
public record IndicatorHistory(long taskId, String ref, String title, List<Series> series) {

    /** One indicator: its target (null when the task no longer names it) and the values reported. */
    public record Series(String name, Indicator target, List<Point> points) {
    }

    /** A reported value; {@code meetsTarget} is null without a target. */
    public record Point(LocalDate asOf, BigDecimal value, String unitOfMeasure, String source, long unitId,
                        String unitName, long reportId, int version, Boolean meetsTarget) {
    }
}
