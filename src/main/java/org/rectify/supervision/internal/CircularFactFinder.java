package org.rectify.supervision.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.DataScope;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.UnitRole;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.progress.DueReport;
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
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_HISTORY;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
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
    private final PlanShortNames shortNames;

    CircularFactFinder(DSLContext db, DueReports dueReports, TaskLedger ledger, Clock clock, PlanShortNames shortNames) {
        this.db = db;
        this.dueReports = dueReports;
        this.ledger = ledger;
        this.zone = clock.getZone();
        this.shortNames = shortNames;
    }

    public CircularFacts find(CircularPeriod period, Long planId, String planTitle, LocalDate asOf, DataScope scope) {
        Condition tasks = TaskConditions.PUBLISHED.visibleTo(scope).and(planId == null ? noCondition() : PLANS_TASK.PLAN_ID.eq(planId));
        // a circular of one plan names it in its title; one over all plans names each task with its plan (临沧2018·二(一))
        Map<Long, String> shortNames = planId == null ? this.shortNames.all() : Map.of();
        List<DueReport> due = dueReports.between(period.from(), period.to(), planId, scope).stream()
                .map(r -> new DueReport(r.planId(), r.cycleId(), r.dueOn(), r.graceUntil(), r.taskId(),
                        PlanShortNames.label(shortNames.get(r.planId()), r.taskRef()), r.taskTitle(), r.unitId(), r.unitName(),
                        r.submittedOn()))
                .toList();
        return CircularFacts.of(period, asOf, planTitle, due, redAtEnd(period, tasks, shortNames),
                relapses(period, tasks, shortNames));
    }

    private List<CircularFacts.RedTask> redAtEnd(CircularPeriod period, Condition tasks, Map<Long, String> shortNames) {
        var last = db.select(WARNING_CHANGE.TASK_ID, WARNING_CHANGE.TO_LEVEL, WARNING_CHANGE.REASONS)
                .distinctOn(WARNING_CHANGE.TASK_ID).from(WARNING_CHANGE)
                .where(WARNING_CHANGE.OCCURRED_AT.lt(startOf(period.to().plusDays(1))))
                .orderBy(WARNING_CHANGE.TASK_ID, WARNING_CHANGE.OCCURRED_AT.desc(), WARNING_CHANGE.ID.desc())
                .asTable("last_change");
        var rows = db.select(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.DEADLINE, last.field(WARNING_CHANGE.REASONS))
                .from(PLANS_TASK).join(last).on(last.field(WARNING_CHANGE.TASK_ID).eq(PLANS_TASK.ID))
                .where(tasks.and(last.field(WARNING_CHANGE.TO_LEVEL).eq(WarningLevel.RED.name())))
                .orderBy(PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.ID).fetch();
        List<Long> ids = rows.map(r -> r.get(PLANS_TASK.ID));
        Map<Long, List<String>> leads = ledger.leadUnitNames(ids);
        Map<Long, List<String>> units = leadUnitsOneByOne(ids);
        return rows.map(r -> new CircularFacts.RedTask(r.get(PLANS_TASK.ID), PlanShortNames.label(shortNames.get(r.get(PLANS_TASK.PLAN_ID)), r.get(PLANS_TASK.REF)),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), leads.getOrDefault(r.get(PLANS_TASK.ID), List.of()),
                units.getOrDefault(r.get(PLANS_TASK.ID), List.of()), r.get(PLANS_TASK.DEADLINE),
                WarningReason.parseAll(r.get(last.field(WARNING_CHANGE.REASONS)))));
    }

    /** Every lead unit of each task, a group's members one by one: units are ranked, not groups. */
    private Map<Long, List<String>> leadUnitsOneByOne(List<Long> taskIds) {
        return db.select(PLANS_TASK_UNIT.TASK_ID, UNITS_DIRECTORY.NAME).from(PLANS_TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .where(PLANS_TASK_UNIT.TASK_ID.in(taskIds).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                .orderBy(PLANS_TASK_UNIT.TASK_ID, PLANS_TASK_UNIT.POSITION, UNITS_DIRECTORY.ID)
                .fetchGroups(PLANS_TASK_UNIT.TASK_ID, UNITS_DIRECTORY.NAME);
    }

    private List<CircularFacts.Relapse> relapses(CircularPeriod period, Condition tasks, Map<Long, String> shortNames) {
        var rows = db.select(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK_HISTORY.OCCURRED_AT, PLANS_TASK_HISTORY.REASON)
                .from(PLANS_TASK_HISTORY).join(PLANS_TASK).on(PLANS_TASK.ID.eq(PLANS_TASK_HISTORY.TASK_ID))
                .where(tasks.and(PLANS_TASK_HISTORY.TO_STATUS.eq("REOPENED")).and(PLANS_TASK_HISTORY.RELAPSE.isTrue())
                        .and(PLANS_TASK_HISTORY.OCCURRED_AT.ge(startOf(period.from())))
                        .and(PLANS_TASK_HISTORY.OCCURRED_AT.lt(startOf(period.to().plusDays(1)))))
                .orderBy(PLANS_TASK_HISTORY.OCCURRED_AT, PLANS_TASK_HISTORY.ID).fetch();
        Map<Long, List<String>> leads = ledger.leadUnitNames(rows.map(r -> r.get(PLANS_TASK.ID)));
        return rows.map(r -> new CircularFacts.Relapse(r.get(PLANS_TASK.ID), PlanShortNames.label(shortNames.get(r.get(PLANS_TASK.PLAN_ID)), r.get(PLANS_TASK.REF)),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), leads.getOrDefault(r.get(PLANS_TASK.ID), List.of()),
                r.get(PLANS_TASK_HISTORY.OCCURRED_AT).atZoneSameInstant(zone).toLocalDate(), r.get(PLANS_TASK_HISTORY.REASON)));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

}
