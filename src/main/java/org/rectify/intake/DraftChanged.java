package org.rectify.intake;

import org.rectify.platform.Audited;

/**
 * The office changed a draft plan before publishing it: what the published plan says was decided here, so the audit
 * chain records who made, edited or deleted the draft and its tasks.
 */
public record DraftChanged(String actor, Change change, long draftId, Long cardId) implements Audited {

    /** What was done; each is one audit action. */
    public enum Change {
        CREATED("intake.draft-created"),
        HEADER_EDITED("intake.header-edited"),
        TASK_EDITED("intake.task-edited"),
        TASK_DELETED("intake.task-deleted"),
        /** Unresolved unit names resolved, by hand or by looking them up again. */
        UNITS_RESOLVED("intake.units-resolved"),
        DELETED("intake.draft-deleted");

        private final String action;

        Change(String action) {
            this.action = action;
        }
    }

    @Override
    public String auditAction() {
        return change.action;
    }

    @Override
    public String auditObject() {
        return "plan-draft:" + draftId;
    }
}
