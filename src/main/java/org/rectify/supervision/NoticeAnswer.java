package org.rectify.supervision;

import org.rectify.progress.EvidenceFile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One lead unit's answer to a supervision notice: pending until the unit answers, then waiting for the issuer, who
 * accepts it or sends it back (it is pending again). {@code unitId} is null on a task without lead units (the office
 * answers).
 */
public record NoticeAnswer(long id, Long unitId, String unitName, String replyText, String repliedBy,
                           OffsetDateTime repliedAt, boolean late, List<EvidenceFile> evidence,
                           OffsetDateTime acceptedAt, String acceptedBy) {

    public boolean isAnswered() {
        return repliedAt != null;
    }

    public boolean isAccepted() {
        return acceptedAt != null;
    }

    /** Answered, and the issuer has not yet decided. */
    public boolean awaitsReview() {
        return isAnswered() && !isAccepted();
    }
}
