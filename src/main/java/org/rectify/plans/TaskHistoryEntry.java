package org.rectify.plans;

import java.time.OffsetDateTime;

public record TaskHistoryEntry(OffsetDateTime occurredAt, String actor, String action, TaskStatus fromStatus,
                               TaskStatus toStatus, String reason, String changes) {
}
