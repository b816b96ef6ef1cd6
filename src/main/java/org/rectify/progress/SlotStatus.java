package org.rectify.progress;

/**
 * A report's standing in a cycle: its {@link ReportState}; {@code daysLate}, days past the due date of a late
 * submission or of a report still outstanding after the grace period (0 otherwise); the latest version (a draft of
 * a correction may follow a submitted version) and the version that counts.
 */
public record SlotStatus(ReportState state, int daysLate, Long latestReportId, Integer latestVersion,
                         VersionStatus latestStatus, Long submittedReportId) {

    public static final SlotStatus MISSING = new SlotStatus(ReportState.MISSING, 0, null, null, null, null);

    public boolean reported() {
        return latestReportId != null;
    }

    /** A correction (a newer version than the one that counts) is being written or awaits approval. */
    public boolean correctionOpen() {
        return submittedReportId != null && latestReportId != null && !latestReportId.equals(submittedReportId);
    }
}
