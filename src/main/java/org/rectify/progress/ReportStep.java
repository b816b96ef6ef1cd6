package org.rectify.progress;

/**
 * A step in the history of a cycle's report ({@code report_event.action}): a version drafted (the first or a
 * correction), saved, sent for the head's approval, approved, sent back by the head, submitted (counting now), or
 * returned by the office. Shown on the report page (SAVED is not) as {@code progress.action.<step>}.
 */
public enum ReportStep {
    DRAFTED, SAVED, SENT_FOR_APPROVAL, APPROVED, SENT_BACK, SUBMITTED, RETURNED
}
