package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.Select;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY_COUNT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.units.api.Tables.UNITS_GROUP;

/**
 * Pages of a unit subtree's duties on open tasks (the due list's), read from V52's kept rows: a page is a range of
 * {@code task_open_duty}'s key in the list's order and its totals are {@code task_open_duty_count}'s, so a page costs
 * the same in a township and in a province of a million tasks (issue 14). Holds what {@link TaskLedger#duties} with
 * the reporting statuses returns, in its order. Not scoped: the caller applies its own rules (the progress module).
 */
@Service
@Transactional(readOnly = true)
public class OpenDuties {

    /** The rows of every unit's duties, for a caller without a unit (the administrator). */
    static final String EVERY_UNIT = "/";

    private final DSLContext db;

    OpenDuties(DSLContext db) {
        this.db = db;
    }

    /**
     * The {@code offset}-th to the {@code (offset + limit)}-th lead duty of units within {@code unitPath} (null: every
     * unit), the same of the supporting ones, optionally of one plan, and how many of each there are.
     */
    public DutyPage page(String unitPath, Long planId, long offset, int limit) {
        String path = unitPath == null ? EVERY_UNIT : unitPath;
        Condition plan = planId == null ? noCondition() : TASK_OPEN_DUTY.PLAN_ID.eq(planId);
        int[] totals = new int[2];
        db.select(TASK_OPEN_DUTY_COUNT.ROLE, sum(TASK_OPEN_DUTY_COUNT.DUTIES)).from(TASK_OPEN_DUTY_COUNT)
                .where(TASK_OPEN_DUTY_COUNT.PATH.eq(path)
                        .and(planId == null ? noCondition() : TASK_OPEN_DUTY_COUNT.PLAN_ID.eq(planId)))
                .groupBy(TASK_OPEN_DUTY_COUNT.ROLE)
                .forEach(r -> totals[r.value1() == UnitRole.LEAD ? 0 : 1] = r.value2().intValue());
        int from = (int) Math.min(Integer.MAX_VALUE, Math.max(0L, offset));
        int size = Math.max(0, limit);
        List<UnitDuty> lead = new ArrayList<>();
        List<UnitDuty> supporting = new ArrayList<>();
        if (size > 0 && from < Math.max(totals[0], totals[1])) {
            var d = range(path, UnitRole.LEAD, plan, from, size).unionAll(range(path, UnitRole.SUPPORTING, plan, from, size))
                    .asTable("d");
            var role = d.field(TASK_OPEN_DUTY.ROLE);
            db.select(role, TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK.STATUS, UNITS_DIRECTORY.ID,
                            UNITS_DIRECTORY.NAME, UNITS_DIRECTORY.PATH, UNITS_GROUP.ID, UNITS_GROUP.NAME)
                    .from(d).join(TASK).on(TASK.ID.eq(d.field(TASK_OPEN_DUTY.TASK_ID)))
                    .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(d.field(TASK_OPEN_DUTY.UNIT_ID)))
                    .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(d.field(TASK_OPEN_DUTY.VIA_GROUP_ID)))
                    .orderBy(role, d.field(TASK_OPEN_DUTY.PLAN_ID), d.field(TASK_OPEN_DUTY.TASK_POSITION),
                            d.field(TASK_OPEN_DUTY.TASK_ID), d.field(TASK_OPEN_DUTY.UNIT_POSITION), d.field(TASK_OPEN_DUTY.UNIT_ID))
                    .forEach(r -> {
                        boolean isLead = r.get(role) == UnitRole.LEAD;
                        (isLead ? lead : supporting).add(TaskLedger.duty(r, isLead));
                    });
        }
        return new DutyPage(List.copyOf(lead), List.copyOf(supporting), totals[0], totals[1]);
    }

    /** One role's page: a range of the primary key, in its order. */
    private static Select<Record7<UnitRole, Long, Integer, Long, Integer, Long, Long>> range(
            String path, UnitRole role, Condition plan, int from, int size) {
        return select(TASK_OPEN_DUTY.ROLE, TASK_OPEN_DUTY.PLAN_ID, TASK_OPEN_DUTY.TASK_POSITION, TASK_OPEN_DUTY.TASK_ID,
                TASK_OPEN_DUTY.UNIT_POSITION, TASK_OPEN_DUTY.UNIT_ID, TASK_OPEN_DUTY.VIA_GROUP_ID)
                .from(TASK_OPEN_DUTY)
                .where(TASK_OPEN_DUTY.PATH.eq(path).and(TASK_OPEN_DUTY.ROLE.eq(role)).and(plan))
                .orderBy(TASK_OPEN_DUTY.PLAN_ID, TASK_OPEN_DUTY.TASK_POSITION, TASK_OPEN_DUTY.TASK_ID,
                        TASK_OPEN_DUTY.UNIT_POSITION, TASK_OPEN_DUTY.UNIT_ID)
                .offset(from).limit(size);
    }
}
