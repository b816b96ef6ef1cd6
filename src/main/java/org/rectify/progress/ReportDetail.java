package org.rectify.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a report as its page and the API show it: the task, unit and cycle it answers, its content and
 * evidence, every version of the cycle's report, its history, and the supporting units' contributions.
 */
public record ReportDetail(long id, long slotId, int version, VersionStatus status, Long supersedesId,
                           long taskId, String taskRef, String taskTitle, long planId, String planTitle,
                           long unitId, String unitName, ReportingCycle cycle, SlotStatus slot, boolean approvalRequired,
                           String workDone, Phase phase, boolean onSchedule, String problems, String nextSteps,
                           List<Measurement> measurements, List<ObligationRecord> obligationRecords,
                           List<Attachment> attachments, String createdBy, Instant createdAt, Instant updatedAt,
                           String submittedBy, Instant submittedAt, List<Version> versions, List<HistoryEntry> history,
                           List<Contribution> contributions) {

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public boolean isLatest() {
        return slot.latestReportId() != null && slot.latestReportId() == id;
    }

    /** A measured value of an indicator. */
    public record Measurement(String indicatorName, BigDecimal value, String unitOfMeasure, LocalDate asOf, String source) {
    }

    /** An obligation fulfilled (a meeting held), with its minutes. */
    public record ObligationRecord(long id, String subject, LocalDate heldOn, String body, String topic,
                                   List<Attachment> attachments) {
    }

    /** A file ({@code file}) or a link ({@code url}) attached to a report or an obligation record. */
    public record Attachment(long id, EvidenceFile file, String url, String title) {

        public boolean isLink() {
            return file == null;
        }
    }

    /** One version of the cycle's report. {@code returnComment} is set when the office returned it. */
    public record Version(long id, int version, VersionStatus status, String submittedBy, Instant submittedAt,
                          boolean returned, String returnComment) {
    }

    /** Something that happened to the cycle's report: who, when, what, on which version, with what comment. */
    public record HistoryEntry(Instant occurredAt, String actor, String action, Integer version, String comment) {
    }

    /** A supporting unit's contribution, with its files. */
    public record Contribution(long id, long unitId, String unitName, String text, String createdBy, Instant createdAt,
                               List<EvidenceFile> files) {
    }
}
