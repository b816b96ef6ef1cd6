package org.rectify.audit;

import java.time.Instant;

/** The result of recomputing the chain: how many entries and anchors held, and the first break if any. */
public record AuditVerification(boolean intact, long entries, int anchors, ChainBreak firstBreak, Instant checkedAt) {
}
