package org.rectify.insight.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_HISTORY;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * Each task's {@link TaskTally} as the source tables hold it now: the facts the dashboard's live queries read (the
 * task and its reach columns, which the database keeps (V26, V34), supervision's assessment, its last closing), read
 * per task changed or all at once.
 */
@Component
class TallySource {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext db;
    private final TaskFigureConditions figures;
    private final Clock clock;

    TallySource(DSLContext db, TaskFigureConditions figures, Clock clock) {
        this.db = db;
        this.figures = figures;
        this.clock = clock;
    }

    List<TaskTally> of(Collection<Long> taskIds) {
        return query(TASK.ID.in(taskIds)).fetch(this::tally);
    }

    /** Every task's tally, streamed. */
    void all(Consumer<TaskTally> each) {
        try (var cursor = query(noCondition()).fetchSize(FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> each.accept(tally(r)));
        }
    }

    private static final Field<OffsetDateTime> CLOSED_AT = field(select(max(TASK_HISTORY.OCCURRED_AT)).from(TASK_HISTORY)
            .where(TASK_HISTORY.TASK_ID.eq(TASK.ID).and(TASK_HISTORY.TO_STATUS.eq("CLOSED")))).as("closed_at");

    private org.jooq.ResultQuery<? extends Record> query(Condition tasks) {
        return db.select(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.STATUS, TASK.DEADLINE, TASK.UNIT_REACH, TASK.OFFICE_REACH,
                        TASK.LEAD_REACH, TASK_WARNING.SCHEDULE_STATUS, TASK_WARNING.LEVEL, CLOSED_AT)
                .from(TASK).leftJoin(TASK_WARNING).on(TASK_WARNING.TASK_ID.eq(TASK.ID))
                .where(tasks).orderBy(TASK.ID);
    }

    private TaskTally tally(Record r) {
        String status = r.get(TASK.STATUS);
        String schedule = r.get(TASK_WARNING.SCHEDULE_STATUS);
        String level = r.get(TASK_WARNING.LEVEL);
        // the burn-up counts a task closed now (the figure), from its last closing
        OffsetDateTime closedAt = figures.holds(TaskFigure.CLOSED, status, schedule, level) ? r.get(CLOSED_AT) : null;
        return TaskTally.of(r.get(TASK.ID), r.get(TASK.PLAN_ID), r.get(TASK.REF), status, schedule, level, r.get(TASK.DEADLINE),
                closedAt == null ? null : closedAt.atZoneSameInstant(clock.getZone()).toLocalDate(),
                Arrays.asList(r.get(TASK.UNIT_REACH)), Arrays.asList(r.get(TASK.OFFICE_REACH)), Arrays.asList(r.get(TASK.LEAD_REACH)));
    }
}
