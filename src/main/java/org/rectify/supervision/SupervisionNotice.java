package org.rectify.supervision;

import org.rectify.progress.EvidenceFile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 督办单: a numbered demand on a task, with the date by which its lead units must reply, and their reply with the
 * evidence files sent with it (download each at {@code /supervision/notices/{id}/evidence/{evidenceId}}).
 */
public record SupervisionNotice(long id, long taskId, String taskRef, String taskTitle, List<String> leadUnits,
                                String number, String demands, LocalDate replyBy, WarningLevel level,
                                String issuedBy, String issuerUnit, OffsetDateTime issuedAt,
                                String replyText, String repliedBy, OffsetDateTime repliedAt,
                                List<EvidenceFile> evidence, OffsetDateTime acceptedAt, String acceptedBy,
                                List<SentBack> sentBack) {

    public boolean isAnswered() {
        return repliedAt != null;
    }

    /** Answered and accepted by the issuer: nothing more is asked. */
    public boolean isDone() {
        return acceptedAt != null;
    }

    /** A reply the issuer sent back, oldest first. */
    public record SentBack(String replyText, String repliedBy, OffsetDateTime repliedAt, String comment,
                           String sentBackBy, OffsetDateTime sentBackAt) {
    }

    /** Unanswered past its date, or answered after it. */
    public boolean isLate(LocalDate today) {
        LocalDate answeredOn = repliedAt == null ? null : repliedAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        return answeredOn == null ? today.isAfter(replyBy) : answeredOn.isAfter(replyBy);
    }
}
