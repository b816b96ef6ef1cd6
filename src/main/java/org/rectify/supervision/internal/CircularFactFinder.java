package org.rectify.supervision.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.UnitRole;
import org.rectify.progress.DueReports;
import org.rectify.supervision.CircularFacts;
import org.rectify.supervision.CircularPeriod;
import org.rectify.supervision.WarningLevel;
import org.rectify.supervision.WarningReason;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.noCondition;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_HISTORY;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/**
 * Finds a period's facts in the caller's scope: the reports due in it (from progress), the tasks whose warning level
 * was red at its end (the last recorded change of level up to then), and the closed tasks that relapsed in it (reopened
 * as a relapse: by a look-back, or by the office saying so).
 */
@Component
public class CircularFactFinder {

    private final DSLContext db;
    private final DueReports dueReports;
    private final TaskLedger ledger;
    private final ZoneId zone;

    CircularFactFinder(DSLContext db, DueReports dueReports, TaskLedger ledger, Clock clock) {
        this.db = db;
        this.dueReports = dueReports;
        this.ledger = ledger;
        this.zone = clock.getZone();
    }

    public CircularFacts find(CircularPeriod period, Long planId, String planTitle, LocalDate asOf, DataScope scope) {
        Condition tasks = TaskConditions.visibleTo(scope).and(planId == null ? noCondition() : TASK.PLAN_ID.eq(planId));
        return CircularFacts.of(period, asOf, planTitle, dueReports.between(period.from(), period.to(), planId, scope),
                redAtEnd(period, tasks), relapses(period, tasks));
    }

    private List<CircularFacts.RedTask> redAtEnd(CircularPeriod period, Condition tasks) {
        var last = db.select(WARNING_CHANGE.TASK_ID, WARNING_CHANGE.TO_LEVEL, WARNING_CHANGE.REASONS)
                .distinctOn(WARNING_CHANGE.TASK_ID).from(WARNING_CHANGE)
                .where(WARNING_CHANGE.OCCURRED_AT.lt(startOf(period.to().plusDays(1))))
                .orderBy(WARNING_CHANGE.TASK_ID, WARNING_CHANGE.OCCURRED_AT.desc(), WARNING_CHANGE.ID.desc())
                .asTable("last_change");
        var rows = db.select(TASK.ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK.DEADLINE, last.field(WARNING_CHANGE.REASONS))
                .from(TASK).join(last).on(last.field(WARNING_CHANGE.TASK_ID).eq(TASK.ID))
                .where(tasks.and(last.field(WARNING_CHANGE.TO_LEVEL).eq(WarningLevel.RED.name())))
                .orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID).fetch();
        List<Long> ids = rows.map(r -> r.get(TASK.ID));
        Map<Long, List<String>> leads = ledger.leadUnitNames(ids);
        Map<Long, List<String>> units = leadUnitsOneByOne(ids);
        return rows.map(r -> new CircularFacts.RedTask(r.get(TASK.ID), r.get(TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(TASK.TITLE), r.get(TASK.TEXT)), leads.getOrDefault(r.get(TASK.ID), List.of()),
                units.getOrDefault(r.get(TASK.ID), List.of()), r.get(TASK.DEADLINE),
                WarningReason.parseAll(r.get(last.field(WARNING_CHANGE.REASONS)))));
    }

    /** Every lead unit of each task, a group's members one by one: units are ranked, not groups. */
    private Map<Long, List<String>> leadUnitsOneByOne(List<Long> taskIds) {
        return db.select(TASK_UNIT.TASK_ID, UNITS_DIRECTORY.NAME).from(TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
                .where(TASK_UNIT.TASK_ID.in(taskIds).and(TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .orderBy(TASK_UNIT.TASK_ID, TASK_UNIT.POSITION, UNITS_DIRECTORY.ID)
                .fetchGroups(TASK_UNIT.TASK_ID, UNITS_DIRECTORY.NAME);
    }

    private List<CircularFacts.Relapse> relapses(CircularPeriod period, Condition tasks) {
        var rows = db.select(TASK.ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK_HISTORY.OCCURRED_AT, TASK_HISTORY.REASON)
                .from(TASK_HISTORY).join(TASK).on(TASK.ID.eq(TASK_HISTORY.TASK_ID))
                .where(tasks.and(TASK_HISTORY.TO_STATUS.eq("REOPENED")).and(TASK_HISTORY.RELAPSE.isTrue())
                        .and(TASK_HISTORY.OCCURRED_AT.ge(startOf(period.from())))
                        .and(TASK_HISTORY.OCCURRED_AT.lt(startOf(period.to().plusDays(1)))))
                .orderBy(TASK_HISTORY.OCCURRED_AT, TASK_HISTORY.ID).fetch();
        Map<Long, List<String>> leads = ledger.leadUnitNames(rows.map(r -> r.get(TASK.ID)));
        return rows.map(r -> new CircularFacts.Relapse(r.get(TASK.ID), r.get(TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(TASK.TITLE), r.get(TASK.TEXT)), leads.getOrDefault(r.get(TASK.ID), List.of()),
                r.get(TASK_HISTORY.OCCURRED_AT).atZoneSameInstant(zone).toLocalDate(), r.get(TASK_HISTORY.REASON)));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

}
