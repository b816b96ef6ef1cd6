package org.rectify.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan's reporting rhythm. Monthly and quarterly reports are due on {@code dueDay} of the period's (last) month
 * (a day past the month's end means its last day); custom cycles end on the listed dates. A report within
 * {@code graceDays} after the due date still counts as on time. With {@code approvalRequired}, a report counts as
 * submitted only once the unit head approves it.
 */
public record ReportingCadence(long planId, CadenceKind kind, int dueDay, int graceDays, boolean approvalRequired,
                               LocalDate startsOn, List<LocalDate> customDueDates, String updatedBy, Instant updatedAt) {

    public ReportingCadence {
        customDueDates = customDueDates == null ? List.of() : List.copyOf(customDueDates);
    }
}
