package org.rectify.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 批示: a leader's instruction on a task, to be answered by the lead units by a date. */
public record LeaderInstruction(long id, long taskId, String taskRef, String taskTitle, List<String> leadUnits,
                                String text, LocalDate answerBy, String leader, OffsetDateTime givenAt,
                                String answerText, String answeredBy, OffsetDateTime answeredAt) {

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public boolean isOverdue(LocalDate today) {
        return !isAnswered() && today.isAfter(answerBy);
    }
}
