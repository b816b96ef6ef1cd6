package org.rectify.audit;

import java.time.OffsetDateTime;

/**
 * One line of a task's record as the audit chain holds it: when, who, what ({@code action} as recorded, {@code label}
 * in the reader's language) and the particulars worth reading ({@code detail}: a number, a unit, a version, a comment).
 */
public record TimelineEntry(long seq, OffsetDateTime at, String actor, String action, String label, String detail) {
}
