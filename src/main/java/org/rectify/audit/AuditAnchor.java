package org.rectify.audit;

import java.time.Instant;
import java.time.LocalDate;

/** The chain head at the end of a day (China Standard Time), as published. */
public record AuditAnchor(LocalDate day, long seq, String hash, Instant recordedAt) {
}
