package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.UnitRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The reports that fell due in a period: every lead unit × reporting task × cycle whose due date lies in it, with the
 * day the report first counted as submitted. For the records of a period (circulars, rankings), not for one cycle's
 * page. Which tasks report is today's answer ({@link ReportingCycles#REPORTING}), as on the cycle matrix.
 */
@Service
@Transactional(readOnly = true)
public class DueReports {

    private final DSLContext db;
    private final Clock clock;

    DueReports(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Reports due from {@code from} to {@code to} (both included) on tasks in the scope, optionally of one plan. */
    public List<DueReport> between(LocalDate from, LocalDate to, Long planId, DataScope scope) {
        Condition where = REPORTING_CYCLE.DUE_ON.between(from, to)
                .and(PLANS_TASK.STATUS.in(ReportingCycles.REPORTING.stream().map(Enum::name).toList()))
                .and(TaskConditions.PUBLISHED.visibleTo(scope)).and(readableUnits(scope));
        if (planId != null) {
            where = where.and(PLANS_TASK.PLAN_ID.eq(planId));
        }
        return db.select(REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.ID, REPORTING_CYCLE.DUE_ON, REPORTING_CYCLE.GRACE_UNTIL,
                        PLANS_TASK.ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, REPORT_SLOT.FIRST_SUBMITTED_AT)
                .from(REPORTING_CYCLE)
                .join(PLANS_TASK).on(PLANS_TASK.PLAN_ID.eq(REPORTING_CYCLE.PLAN_ID))
                .join(PLANS_TASK_UNIT).on(PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .leftJoin(REPORT_SLOT).on(REPORT_SLOT.CYCLE_ID.eq(REPORTING_CYCLE.ID).and(REPORT_SLOT.TASK_ID.eq(PLANS_TASK.ID))
                        .and(REPORT_SLOT.UNIT_ID.eq(UNITS_DIRECTORY.ID)))
                .where(where)
                .orderBy(REPORTING_CYCLE.DUE_ON, PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.ID, PLANS_TASK_UNIT.POSITION, UNITS_DIRECTORY.ID)
                .fetch(r -> new DueReport(r.get(REPORTING_CYCLE.PLAN_ID), r.get(REPORTING_CYCLE.ID),
                        r.get(REPORTING_CYCLE.DUE_ON), r.get(REPORTING_CYCLE.GRACE_UNTIL), r.get(PLANS_TASK.ID), r.get(PLANS_TASK.REF),
                        TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(UNITS_DIRECTORY.ID), r.get(UNITS_DIRECTORY.NAME),
                        r.get(REPORT_SLOT.FIRST_SUBMITTED_AT) == null ? null
                                : r.get(REPORT_SLOT.FIRST_SUBMITTED_AT).atZoneSameInstant(clock.getZone()).toLocalDate()));
    }

    /**
     * Whose reporting the scope counts (circulars, rankings): the units in its subtree, and every lead unit for the
     * office, supervisors and leaders of the unit running the plan. A county office counts its own county's reporting
     * on a city task, not its sibling counties' nor the city departments' it merely supports.
     */
    private static Condition readableUnits(DataScope scope) {
        if (scope.isAll()) {
            return org.jooq.impl.DSL.noCondition();
        }
        return org.rectify.units.UnitPaths.within(UNITS_DIRECTORY.PATH, scope.unitPath())
                .or(TaskConditions.PUBLISHED.governedBy(scope));
    }
}
