package org.rectify.supervision;

import java.time.OffsetDateTime;

/**
 * An accountability record the system proposes against a task's lead unit (a relapse of a closed task), which the
 * office confirms (it becomes an {@link AccountabilityAction}: {@code actionId}) or dismisses with a reason.
 *
 * @param decision null while undecided, else CONFIRMED or DISMISSED
 */
public record AccountabilityProposal(long id, long taskId, String taskRef, String taskTitle, Long unitId, String unitName,
                                     String reason, OffsetDateTime proposedAt, String decision, String decidedBy,
                                     OffsetDateTime decidedAt, String decisionNote, Long actionId) {

    public boolean isOpen() {
        return decision == null;
    }
}
