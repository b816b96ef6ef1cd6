package org.rectify.supervision;

import org.rectify.progress.EvidenceFile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 督办单: a numbered demand on a task, with the date by which its lead units must reply, and each lead unit's answer
 * with the evidence files sent with it (download each at {@code /supervision/notices/{id}/evidence/{evidenceId}}).
 * {@code repliedAt} is when the last unit answered (null while any is pending), {@code acceptedAt} when the issuer
 * accepted the last answer; {@code evidence} is every answer's files.
 */
public record SupervisionNotice(long id, long taskId, String taskRef, String taskTitle, List<String> leadUnits,
                                String number, String demands, LocalDate replyBy, WarningLevel level,
                                String issuedBy, String issuerUnit, OffsetDateTime issuedAt,
                                OffsetDateTime repliedAt, List<EvidenceFile> evidence, OffsetDateTime acceptedAt,
                                List<SentBack> sentBack, List<NoticeAnswer> answers) {

    /** Every lead unit answered. */
    public boolean isAnswered() {
        return repliedAt != null;
    }

    /** Every answer accepted by the issuer: nothing more is asked. */
    public boolean isDone() {
        return acceptedAt != null;
    }

    /** How many lead units have answered, of how many (the lists show "1/2"). */
    public long answeredCount() {
        return answers.stream().filter(NoticeAnswer::isAnswered).count();
    }

    /** Some units answered, not all. */
    public boolean isPartlyAnswered() {
        return !isAnswered() && answeredCount() > 0;
    }

    /** A reply the issuer sent back, oldest first, with the unit it answered for. */
    public record SentBack(String unitName, String replyText, String repliedBy, OffsetDateTime repliedAt, String comment,
                           String sentBackBy, OffsetDateTime sentBackAt) {
    }

    /** Unanswered past its date, or answered after it (on the day it was answered in the offices' {@code zone}). */
    public boolean isLate(LocalDate today, java.time.ZoneId zone) {
        LocalDate answeredOn = repliedAt == null ? null : repliedAt.atZoneSameInstant(zone).toLocalDate();
        return answeredOn == null ? today.isAfter(replyBy) : answeredOn.isAfter(replyBy);
    }
}
