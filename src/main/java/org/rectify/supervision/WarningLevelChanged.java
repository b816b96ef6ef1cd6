package org.rectify.supervision;

import java.time.Instant;
import java.util.List;

/** A task's warning level went up or down; notifications and dashboards listen. */
public record WarningLevelChanged(long taskId, WarningLevel from, WarningLevel to, List<WarningReason> reasons,
                                  Instant occurredAt) {
}
