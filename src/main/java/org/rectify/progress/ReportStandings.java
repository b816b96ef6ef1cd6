package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.Field;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.progress.api.Tables.PROGRESS_SLOT_STATE;

/**
 * Where a unit's report for a task and cycle stands, as conditions other modules put into their set-based queries
 * (reminders, the nightly warning reassessment): the one place that says what counts as reported. Built on the view
 * {@code progress_slot_state} that progress publishes; the arguments are the caller's columns for cycle, task and unit.
 */
public final class ReportStandings {

    private ReportStandings() {
    }

    /** A version counts as submitted for the cycle; anything less is a missed report once the grace period is over. */
    public static Condition submitted(Field<Long> cycleId, Field<Long> taskId, Field<Long> unitId) {
        return exists(selectOne().from(PROGRESS_SLOT_STATE).where(slot(cycleId, taskId, unitId))
                .and(PROGRESS_SLOT_STATE.SUBMITTED.isTrue()));
    }

    /**
     * The unit has handed its report in: submitted, or waiting for its head's approval. A reminder to report is due
     * only while this is false (the approval has its own reminder).
     */
    public static Condition handedIn(Field<Long> cycleId, Field<Long> taskId, Field<Long> unitId) {
        return exists(selectOne().from(PROGRESS_SLOT_STATE).where(slot(cycleId, taskId, unitId))
                .and(PROGRESS_SLOT_STATE.SUBMITTED.isTrue().or(PROGRESS_SLOT_STATE.AWAITING_APPROVAL.isTrue())));
    }

    private static Condition slot(Field<Long> cycleId, Field<Long> taskId, Field<Long> unitId) {
        return PROGRESS_SLOT_STATE.CYCLE_ID.eq(cycleId).and(PROGRESS_SLOT_STATE.TASK_ID.eq(taskId))
                .and(PROGRESS_SLOT_STATE.UNIT_ID.eq(unitId));
    }
}
