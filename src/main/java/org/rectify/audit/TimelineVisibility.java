package org.rectify.audit;

import org.rectify.access.Caller;
import org.rectify.progress.ReadableReports;
import org.rectify.supervision.Accountability;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Which recorded actions a reader of a task's timeline sees: reminders the system sent are left out (the lines would
 * drown the work), accountability only for the roles that may see accountability at all, and a report's events only
 * for those who read that report (a co-lead unit does not read another's, so neither does it see its steps here).
 */
final class TimelineVisibility {

    private static final Set<String> NOISE = Set.of("reminder.due", "lookback.reminded");

    private TimelineVisibility() {
    }

    static boolean shows(String action, JsonNode change, Caller caller, ReadableReports reports) {
        if (NOISE.contains(action)) {
            return false;
        }
        if (action.startsWith("report.")) {
            return reports.includes(id(change, "reportId"), change.hasNonNull("leadUnitId") ? id(change, "leadUnitId") : id(change, "unitId"));
        }
        return !action.startsWith("accountability.") || Accountability.maySee(caller);
    }

    private static Long id(JsonNode change, String field) {
        return change.hasNonNull(field) ? change.get(field).asLong() : null;
    }
}
