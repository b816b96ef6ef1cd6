package org.rectify.plans;

import java.time.Instant;
import java.util.List;

public record TaskEdited(long taskId, List<String> changedFields, String actor, Instant occurredAt) {
}
