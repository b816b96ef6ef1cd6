package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.platform.KeptTotals;
import org.rectify.plans.UnitRole;
import org.rectify.units.UnitPaths;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.TreeSet;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * How many reports of the current cycles the caller's units still owe ({@link DueList#outstanding} of
 * {@link ProgressViews#due}): every lead duty on a reporting task whose slot in its plan's current cycle is not
 * SUBMITTED (a plan without cycles owes every one), counted in one statement instead of reading the root office's
 * whole province of duties and slots (the unit page, 3-8 s). A large count is kept until a report, a task or a
 * cadence changes on this node ({@link MatrixTotals}).
 */
@Service
@Transactional(readOnly = true)
public class OutstandingReports {

    private final DSLContext db;
    private final ReportingCycles cycles;
    private final KeptTotals totals;

    OutstandingReports(DSLContext db, ReportingCycles cycles, MatrixTotals totals) {
        this.db = db;
        this.cycles = cycles;
        this.totals = totals.totals();
    }

    public int count(Caller caller) {
        String path = caller.scope().unitPath();
        // the current cycles are part of the key: a day that begins a cycle counts anew
        TreeSet<Long> current = new TreeSet<>(cycles.currentIds().values());
        return totals.figure(List.of("outstanding", String.valueOf(path), current), () -> counted(path, current),
                n -> n).value().intValue();
    }

    private Long counted(String path, TreeSet<Long> current) {
        // a slot's task is of its cycle's plan: the current cycle of the task's plan is the one among them all
        Condition submitted = REPORT_SLOT.TASK_ID.eq(PLANS_TASK.ID).and(REPORT_SLOT.UNIT_ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .and(REPORT_SLOT.CYCLE_ID.in(current)).and(REPORT_SLOT.STATE.eq(ReportState.SUBMITTED));
        return KeptTotals.counted(db, db.selectOne().from(PLANS_TASK_UNIT)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(PLANS_TASK_UNIT.TASK_ID))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .where(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)
                        .and(PLANS_TASK.STATUS.in(ReportingCycles.REPORTING.stream().map(Enum::name).toList()))
                        .and(path == null ? noCondition() : UnitPaths.withinInline(UNITS_DIRECTORY.PATH, path))
                        .and(current.isEmpty() ? noCondition() : notExists(selectOne().from(REPORT_SLOT).where(submitted)))));
    }
}
