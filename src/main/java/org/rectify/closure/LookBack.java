package org.rectify.closure;

import org.rectify.progress.EvidenceFile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One look-back (回头看) of a closed task, as pages and the API show it.
 *
 * @param roundMonths the round (months after closing) that scheduled it, or null for a campaign's
 * @param campaignId  the campaign that started it, or null
 */
public record LookBack(long id, long taskId, String taskRef, String taskTitle, long planId, Integer roundMonths,
                       Long campaignId, String campaignTitle, LocalDate closedOn, long checkingUnitId,
                       String checkingUnitName, LocalDate dueOn, LookBackStatus status, String findings,
                       String recordedBy, OffsetDateTime recordedAt, List<EvidenceFile> evidence) {

    public boolean isPending() {
        return status == LookBackStatus.PENDING;
    }

    /** Pending past its due date. */
    public boolean isOverdue(LocalDate today) {
        return isPending() && dueOn.isBefore(today);
    }
}
