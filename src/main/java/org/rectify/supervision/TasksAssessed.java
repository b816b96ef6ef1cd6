package org.rectify.supervision;

import java.time.Instant;
import java.util.List;

/**
 * Supervision stored a new assessment (schedule status, warning level or reasons) of these tasks, in the transaction
 * publishing this: read models of those figures listen (a schedule status can change without a change of level, which
 * {@link WarningLevelChanged} reports). Not audited: each level change is, by its own event.
 */
public record TasksAssessed(List<Long> taskIds, Instant occurredAt) {
}
