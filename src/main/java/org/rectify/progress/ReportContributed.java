package org.rectify.progress;

import java.time.Instant;

/** A supporting unit added its contribution to a lead unit's report of a cycle. */
public record ReportContributed(long contributionId, long taskId, long cycleId, long leadUnitId, long unitId,
                                String actor, Instant occurredAt) {
}
