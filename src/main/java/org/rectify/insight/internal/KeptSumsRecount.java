package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.splitPart;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.unnest;
import static org.rectify.insight.internal.db.Tables.INSIGHT_COUNT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_DEADLINE;
import static org.rectify.insight.internal.db.Tables.INSIGHT_MONTH;
import static org.rectify.insight.internal.db.Tables.INSIGHT_OWED;
import static org.rectify.insight.internal.db.Tables.INSIGHT_SLOT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK_SLOT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK_UNIT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_WEEK;

/**
 * The kept sums counted afresh from the tasks' stored tallies ({@code insight_task} with its lead units and reports), one
 * {@code insert ... select ... group by} per table, into the emptied tables: what {@link KeptCounts}' per-task deltas
 * add up to, summed by PostgreSQL instead of rendered as upserts row by row (which took most of a rebuild's minutes at
 * province scale, issue 14).
 */
@Component
class KeptSumsRecount {

    private final DSLContext db;

    KeptSumsRecount(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void countAll() {
        Table<?> keys = unnest(INSIGHT_TASK.KEYS).as("k", "key");
        Field<String> key = keys.field("key", String.class);

        // each task under each of its keys, by its dimensions
        db.insertInto(INSIGHT_COUNT, INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.SECTION, INSIGHT_COUNT.ITEM,
                        INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL, INSIGHT_COUNT.TASKS)
                .select(select(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.STATUS,
                        INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL, count())
                        .from(INSIGHT_TASK).crossJoin(keys)
                        .groupBy(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.STATUS,
                                INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL))
                .execute();

        // the burn-up: due in the deadline's month, closed in the month of the last closing
        Table<?> months = select(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.DUE_MONTH,
                inline(1), inline(0)).from(INSIGHT_TASK).crossJoin(keys).where(INSIGHT_TASK.DEADLINE.isNotNull())
                .unionAll(select(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.CLOSED_MONTH,
                        inline(0), inline(1)).from(INSIGHT_TASK).crossJoin(keys).where(INSIGHT_TASK.CLOSED_MONTH.isNotNull()))
                .asTable("m", "scope_key", "plan_id", "section", "item", "month", "due", "closed");
        Field<Integer> due = months.field("due", Integer.class);
        Field<Integer> closed = months.field("closed", Integer.class);
        db.insertInto(INSIGHT_MONTH, INSIGHT_MONTH.SCOPE_KEY, INSIGHT_MONTH.PLAN_ID, INSIGHT_MONTH.SECTION, INSIGHT_MONTH.ITEM,
                        INSIGHT_MONTH.MONTH, INSIGHT_MONTH.DUE, INSIGHT_MONTH.CLOSED)
                .select(select(months.field("scope_key", String.class), months.field("plan_id", Long.class),
                        months.field("section", String.class), months.field("item", String.class), months.field("month", LocalDate.class),
                        sum(due).cast(Integer.class), sum(closed).cast(Integer.class))
                        .from(months)
                        .groupBy(months.field("scope_key"), months.field("plan_id"), months.field("section"), months.field("item"),
                                months.field("month")))
                .execute();

        // the end of 序时进度: tasks by deadline
        db.insertInto(INSIGHT_DEADLINE, INSIGHT_DEADLINE.SCOPE_KEY, INSIGHT_DEADLINE.PLAN_ID, INSIGHT_DEADLINE.SECTION,
                        INSIGHT_DEADLINE.ITEM, INSIGHT_DEADLINE.DEADLINE, INSIGHT_DEADLINE.TASKS)
                .select(select(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.DEADLINE, count())
                        .from(INSIGHT_TASK).crossJoin(keys).where(INSIGHT_TASK.DEADLINE.isNotNull())
                        .groupBy(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, INSIGHT_TASK.DEADLINE))
                .execute();

        // the warning trend: each change of level ("2026-11-30:RED", TaskTally.levelWeek) in its week
        Table<?> changes = unnest(INSIGHT_TASK.LEVEL_WEEKS).as("w", "change");
        Field<String> change = changes.field("change", String.class);
        Field<LocalDate> week = splitPart(change, inline(":"), inline(1)).cast(LocalDate.class);
        Field<String> level = splitPart(change, inline(":"), inline(2));
        db.insertInto(INSIGHT_WEEK, INSIGHT_WEEK.SCOPE_KEY, INSIGHT_WEEK.PLAN_ID, INSIGHT_WEEK.SECTION, INSIGHT_WEEK.ITEM,
                        INSIGHT_WEEK.WEEK, INSIGHT_WEEK.RED, INSIGHT_WEEK.YELLOW, INSIGHT_WEEK.BLUE)
                .select(select(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, week,
                        count().filterWhere(level.eq("RED")), count().filterWhere(level.eq("YELLOW")),
                        count().filterWhere(level.eq("BLUE")))
                        .from(INSIGHT_TASK).crossJoin(keys).crossJoin(changes)
                        .where(level.in(TallySource.TREND_LEVELS))
                        .groupBy(key, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.ITEM, week))
                .execute();

        // the reporting ranking: each lead unit owes its plan's cycles, under the keys reading its reporting
        Table<?> reportKeys = unnest(INSIGHT_TASK_UNIT.KEYS).as("k", "key");
        Field<String> reportKey = reportKeys.field("key", String.class);
        db.insertInto(INSIGHT_OWED, INSIGHT_OWED.SCOPE_KEY, INSIGHT_OWED.PLAN_ID, INSIGHT_OWED.UNIT_ID, INSIGHT_OWED.REPORTS)
                .select(select(reportKey, INSIGHT_TASK_UNIT.PLAN_ID, INSIGHT_TASK_UNIT.UNIT_ID, count())
                        .from(INSIGHT_TASK_UNIT).crossJoin(reportKeys)
                        .groupBy(reportKey, INSIGHT_TASK_UNIT.PLAN_ID, INSIGHT_TASK_UNIT.UNIT_ID))
                .execute();

        // and its reports submitted, on time or late, under the keys of the lead unit that submitted them
        db.insertInto(INSIGHT_SLOT, INSIGHT_SLOT.SCOPE_KEY, INSIGHT_SLOT.CYCLE_ID, INSIGHT_SLOT.UNIT_ID, INSIGHT_SLOT.ON_TIME,
                        INSIGHT_SLOT.LATE)
                .select(select(reportKey, INSIGHT_TASK_SLOT.CYCLE_ID, INSIGHT_TASK_SLOT.UNIT_ID,
                        count().filterWhere(INSIGHT_TASK_SLOT.LATE.isFalse()), count().filterWhere(INSIGHT_TASK_SLOT.LATE.isTrue()))
                        .from(INSIGHT_TASK_SLOT)
                        .join(INSIGHT_TASK_UNIT).on(INSIGHT_TASK_UNIT.TASK_ID.eq(INSIGHT_TASK_SLOT.TASK_ID)
                                .and(INSIGHT_TASK_UNIT.UNIT_ID.eq(INSIGHT_TASK_SLOT.UNIT_ID)))
                        .crossJoin(reportKeys)
                        .groupBy(reportKey, INSIGHT_TASK_SLOT.CYCLE_ID, INSIGHT_TASK_SLOT.UNIT_ID))
                .execute();
    }
}
