package org.rectify.supervision;

import org.rectify.plans.TaskStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** A task on the supervision ledger (挂账督办), with its current warning. */
public record LedgerEntry(long id, long taskId, String ref, String title, TaskStatus taskStatus, WarningLevel level,
                          List<String> leadUnits, String reason, String addedBy, OffsetDateTime addedAt,
                          OffsetDateTime resolvedAt, String resolution) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
