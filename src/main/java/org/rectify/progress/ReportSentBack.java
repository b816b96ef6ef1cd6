package org.rectify.progress;

import java.time.Instant;

/** The unit head sent a report awaiting approval back to the staff as a draft, with a comment. */
public record ReportSentBack(long reportId, long taskId, long unitId, long cycleId, int version, String comment,
                             String actor, Instant occurredAt) {
}
