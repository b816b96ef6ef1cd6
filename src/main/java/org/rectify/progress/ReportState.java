package org.rectify.progress;

/**
 * Where one lead unit's report on one task stands in one cycle, as the unit and the office see it: nothing yet
 * (MISSING, still within the deadline), a DRAFT, AWAITING_APPROVAL by the unit head, SUBMITTED (perhaps late),
 * RETURNED by the office for correction, or LATE: past the deadline and its grace, and not submitted.
 */
public enum ReportState {
    MISSING, DRAFT, AWAITING_APPROVAL, SUBMITTED, RETURNED, LATE
}
