package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.UnitRole;
import org.rectify.units.UnitPaths;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The cycle matrix's statements, set-based: the whole cycle's counts by lead unit and state in one grouped statement,
 * a page of tasks in one (with the number of rows), and that page's cells in one, instead of every duty of the plan
 * and every slot of the cycle read into memory and counted there. The state a user sees ({@link SlotStates}) is
 * computed by the database for counting and filtering: with the day fixed, it is a choice on the slot's stored state.
 */
final class MatrixQueries {

    /** The cycle's lead duties narrowed by the page's filter: tasks of one plan, section and unit subtree. */
    record Scope(long planId, List<String> statuses, String section, String unitPath, ReportingCycle cycle,
                 LocalDate today, ZoneId zone) {

        /** After the grace period nothing outstanding is merely missing or a draft: it is late. */
        boolean pastGrace() {
            return today.isAfter(cycle.graceUntil());
        }

        /** The first instant a submission counts as late: the day after the grace period, in the office's zone. */
        OffsetDateTime lateFrom() {
            return cycle.graceUntil().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }
    }

    /** A row of the page: one task. */
    record TaskRow(long taskId, String ref, String title, TaskStatus status) {
    }

    /** A page's cell: one lead unit of one task and its slot (null fields: nothing reported). */
    record Cell(long taskId, long unitId, String unitName, ReportState stored, OffsetDateTime firstSubmitted,
                Long latestReportId, Integer latestVersion, VersionStatus latestStatus, Long submittedReportId) {
    }

    /** The number of cells of one lead unit in one state (submitted ones split by whether they came late). */
    record Tally(long unitId, String unitName, ReportState state, boolean submittedLate, int cells) {
    }

    private final DSLContext db;

    MatrixQueries(DSLContext db) {
        this.db = db;
    }

    /** The whole cycle's cells counted by lead unit and state: one grouped statement. */
    List<Tally> tally(Scope s) {
        Field<String> state = state(s);
        // grouped by expressions without bind values: PostgreSQL matches a select's expression to its group by's text
        Field<Boolean> late = DSL.field(REPORT_SLOT.STATE.eq(inline(ReportState.SUBMITTED))
                .and(REPORT_SLOT.FIRST_SUBMITTED_AT.ge(DSL.inline(s.lateFrom(), REPORT_SLOT.FIRST_SUBMITTED_AT.getDataType()))));
        return db.select(UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, state, late, DSL.count())
                .from(duties(s))
                .where(where(s))
                .groupBy(UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, state, late)
                .fetch(r -> new Tally(r.value1(), r.value2(), ReportState.valueOf(r.value3()),
                        Boolean.TRUE.equals(r.value4()), r.value5()));
    }

    /**
     * One page of the tasks having a cell in {@code state} (null: any cell), in plan order: read along the plan's
     * {@code task_plan_position_idx}, stopping at the page's end (the number of such tasks is {@link #rows}' count, kept).
     */
    List<TaskRow> page(Scope s, ReportState state, int offset, int limit) {
        return db.select(PLANS_TASK.ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.STATUS)
                .from(PLANS_TASK)
                .where(tasks(s)).and(hasCell(s, state))
                .orderBy(PLANS_TASK.POSITION, PLANS_TASK.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new TaskRow(r.get(PLANS_TASK.ID), r.get(PLANS_TASK.REF),
                        TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)),
                        TaskStatus.valueOf(r.get(PLANS_TASK.STATUS))));
    }

    /** The tasks {@link #page} pages through, all of them: to be counted. */
    Select<Record1<Integer>> rows(Scope s, ReportState state) {
        return db.selectOne().from(PLANS_TASK).where(tasks(s)).and(hasCell(s, state));
    }

    /** The task has a lead unit's cell (within the unit filter) in {@code state}, or any cell when null. */
    private Condition hasCell(Scope s, ReportState state) {
        Condition cell = PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD));
        if (s.unitPath() != null) {
            cell = cell.and(UnitPaths.within(UNITS_DIRECTORY.PATH, s.unitPath()));
        }
        if (state != null) {
            cell = cell.and(state(s).eq(state.name()));
        }
        return DSL.exists(DSL.selectOne().from(PLANS_TASK_UNIT)
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .leftJoin(REPORT_SLOT).on(slotOf(s))
                .where(cell));
    }

    /** The cells of some tasks (a page), by task, each task's lead units in the plan's order. */
    Map<Long, List<Cell>> cells(Scope s, Collection<Long> taskIds) {
        Map<Long, List<Cell>> out = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        db.select(PLANS_TASK_UNIT.TASK_ID, UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, REPORT_SLOT.STATE,
                        REPORT_SLOT.FIRST_SUBMITTED_AT, REPORT_SLOT.LATEST_REPORT_ID, PROGRESS_REPORT.VERSION,
                        PROGRESS_REPORT.STATUS, REPORT_SLOT.SUBMITTED_REPORT_ID)
                .from(duties(s))
                .leftJoin(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                .where(where(s)).and(PLANS_TASK.ID.in(taskIds))
                .orderBy(PLANS_TASK.POSITION, PLANS_TASK.ID, PLANS_TASK_UNIT.POSITION, UNITS_DIRECTORY.ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Cell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                                r.value8(), r.value9())));
        return out;
    }

    /**
     * The state a user sees ({@link SlotStates#of}) as SQL: submitted and returned stay; past the grace period
     * anything else is late; before it, a draft or approval stays and no slot is missing.
     */
    private static Field<String> state(Scope s) {
        Field<String> stored = REPORT_SLOT.STATE.cast(String.class);
        if (s.pastGrace()) {
            return DSL.when(REPORT_SLOT.STATE.in(inline(ReportState.SUBMITTED), inline(ReportState.RETURNED)), stored)
                    .otherwise(DSL.inline(ReportState.LATE.name()));
        }
        return DSL.coalesce(stored, DSL.inline(ReportState.MISSING.name()));
    }

    private static Field<ReportState> inline(ReportState state) {
        return DSL.inline(state, REPORT_SLOT.STATE.getDataType());
    }

    private static Table<Record> duties(Scope s) {
        return PLANS_TASK_UNIT.join(PLANS_TASK).on(PLANS_TASK.ID.eq(PLANS_TASK_UNIT.TASK_ID))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .leftJoin(REPORT_SLOT).on(slotOf(s));
    }

    private static Condition slotOf(Scope s) {
        return REPORT_SLOT.CYCLE_ID.eq(s.cycle().id()).and(REPORT_SLOT.TASK_ID.eq(PLANS_TASK_UNIT.TASK_ID))
                .and(REPORT_SLOT.UNIT_ID.eq(PLANS_TASK_UNIT.UNIT_ID));
    }

    private static Condition where(Scope s) {
        Condition c = PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD).and(tasks(s));
        if (s.unitPath() != null) {
            c = c.and(UnitPaths.within(UNITS_DIRECTORY.PATH, s.unitPath()));
        }
        return c;
    }

    /** The plan's reporting tasks of the section; with a unit subtree, only tasks led from it (the indexed reach). */
    private static Condition tasks(Scope s) {
        Condition c = PLANS_TASK.PLAN_ID.eq(s.planId()).and(PLANS_TASK.STATUS.in(s.statuses()))
                .and(TaskConditions.PUBLISHED.inSection(s.section()));
        if (s.unitPath() != null) {
            c = c.and(TaskConditions.PUBLISHED.ledFrom(s.unitPath()));
        }
        return c;
    }
}
