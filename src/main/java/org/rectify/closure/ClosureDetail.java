package org.rectify.closure;

import org.rectify.progress.EvidenceFile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One closure attempt with everything recorded on it, as the pages and the API show it. */
public record ClosureDetail(long id, long taskId, long planId, String taskRef, String taskTitle, int attempt, ClosureKind kind,
                            ClosureStage stage, int version, String statement, String applicant, Instant appliedAt,
                            String signedOffBy, Instant signedOffAt, Long acceptanceUnitId, String acceptanceUnitName,
                            boolean onSiteRequired, String approvedBy, Instant approvedAt, LocalDate noticeFrom,
                            LocalDate noticeUntil, String returnedBy, Instant returnedAt, String returnedReason,
                            String closedBy, Instant closedAt, String number, String lastActor, Instant updatedAt,
                            List<Answer> answers, List<Verification> verifications, List<File> files,
                            List<Objection> objections) {

    public record Answer(ClosureItem.Kind kind, String subject, String target, String lastValue, boolean achieved,
                         String text) {
    }

    public record Verification(long id, LocalDate verifiedOn, String members, VerificationMethod method,
                               String findings, boolean passed, String recordedBy, Instant recordedAt) {
    }

    /** A file of the application ({@code verificationId} null) or of a verification, with what its EXIF says. */
    public record File(EvidenceFile file, Long verificationId, LocalDateTime takenAt, BigDecimal latitude,
                       BigDecimal longitude) {

        public boolean hasPlace() {
            return latitude != null && longitude != null;
        }
    }

    /** An objection; {@code contact} is null for whoever may not see it (everyone but the office). */
    public record Objection(long id, String text, String contact, Long evidenceId, Instant receivedAt, Boolean upheld,
                            String answer, String answeredBy, Instant answeredAt) {

        public boolean answered() {
            return upheld != null;
        }
    }

    public List<File> applicationFiles() {
        return files.stream().filter(f -> f.verificationId() == null).toList();
    }

    public List<File> filesOf(long verificationId) {
        return files.stream().filter(f -> f.verificationId() != null && f.verificationId() == verificationId).toList();
    }

    public long openObjections() {
        return objections.stream().filter(o -> !o.answered()).count();
    }

    /** Whether the notice period is over on {@code today} with every objection answered: what closing waits for. */
    public boolean readyToClose(LocalDate today) {
        return noticeUntil != null && today.isAfter(noticeUntil) && openObjections() == 0;
    }
}
