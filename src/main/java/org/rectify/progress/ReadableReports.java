package org.rectify.progress;

import java.util.Set;

/**
 * Which of a task's reports a caller reads (the rule of {@link ProgressReports#readableReports}): by report id, and
 * by lead unit for a record that names only the unit (a supporting unit's contribution). For modules that show report
 * events, such as the audit timeline, so that they hide what the report pages would refuse.
 */
public record ReadableReports(Set<Long> reportIds, Set<Long> leadUnitIds) {

    public static final ReadableReports NONE = new ReadableReports(Set.of(), Set.of());

    public ReadableReports {
        reportIds = Set.copyOf(reportIds);
        leadUnitIds = Set.copyOf(leadUnitIds);
    }

    /** A record naming the report (if known) or else its lead unit is readable. */
    public boolean includes(Long reportId, Long leadUnitId) {
        return reportId != null ? reportIds.contains(reportId) : leadUnitId != null && leadUnitIds.contains(leadUnitId);
    }
}
