package org.rectify.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** How a slot's stored state, its first submission and the cycle's dates make the state the users see. */
final class SlotStates {

    private SlotStates() {
    }

    /**
     * @param state           the slot's stored state (DRAFT, AWAITING_APPROVAL, SUBMITTED or RETURNED), null when
     *                        nothing was reported
     * @param firstSubmitted  when the cycle's report first counted as submitted
     */
    static SlotStatus of(ReportState state, OffsetDateTime firstSubmitted, Long latestReportId, Integer latestVersion,
                         VersionStatus latest, Long submittedReportId, ReportingCycle cycle, LocalDate today, ZoneId zone) {
        if (state == null) {
            return today.isAfter(cycle.graceUntil())
                    ? new SlotStatus(ReportState.LATE, daysAfter(cycle.dueOn(), today), null, null, null, null)
                    : SlotStatus.MISSING;
        }
        int submittedLate = 0;
        if (firstSubmitted != null) {
            LocalDate day = firstSubmitted.atZoneSameInstant(zone).toLocalDate();
            submittedLate = day.isAfter(cycle.graceUntil()) ? daysAfter(cycle.dueOn(), day) : 0;
        }
        return switch (state) {
            case SUBMITTED -> new SlotStatus(ReportState.SUBMITTED, submittedLate, latestReportId, latestVersion, latest,
                    submittedReportId);
            case RETURNED -> new SlotStatus(ReportState.RETURNED, submittedLate, latestReportId, latestVersion, latest,
                    submittedReportId);
            default -> today.isAfter(cycle.graceUntil())
                    ? new SlotStatus(ReportState.LATE, daysAfter(cycle.dueOn(), today), latestReportId, latestVersion,
                    latest, submittedReportId)
                    : new SlotStatus(state, 0, latestReportId, latestVersion, latest, submittedReportId);
        };
    }

    private static int daysAfter(LocalDate due, LocalDate day) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(due, day));
    }
}
