package org.rectify.plans;

import java.time.Instant;

public record TaskCreated(long taskId, long planId, String ref, String actor, Instant occurredAt) {
}
