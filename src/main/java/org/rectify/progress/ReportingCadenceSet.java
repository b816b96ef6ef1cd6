package org.rectify.progress;

import java.time.Instant;

/** The office set (or changed) a plan's reporting cadence; cycles were generated from it. */
public record ReportingCadenceSet(long planId, CadenceKind kind, int dueDay, int graceDays, boolean approvalRequired,
                                  String actor, Instant occurredAt) {
}
