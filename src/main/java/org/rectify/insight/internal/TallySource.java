package org.rectify.insight.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.UnitRole;
import org.rectify.plans.TaskFigureConditions;
import org.springframework.stereotype.Component;

import org.rectify.progress.ReportingCycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.api.Tables.PLANS_PLAN;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_HISTORY;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.progress.api.Tables.PROGRESS_CYCLE;
import static org.rectify.progress.api.Tables.PROGRESS_SLOT_SUBMITTED;
import static org.rectify.supervision.api.Tables.SUPERVISION_LEVEL_CHANGE;
import static org.rectify.supervision.api.Tables.SUPERVISION_TASK_WARNING;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Each task's {@link TaskTally} as the source tables hold it now: the facts the dashboard's live queries read (the
 * task and its reach columns, which the database keeps (V26, V34), supervision's assessment, its last closing, its
 * recorded changes of level, its lead units and their reports submitted as progress publishes them), read per task
 * changed or all at once, a chunk of tasks at a time.
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
        return withPanels(query(PLANS_TASK.ID.in(taskIds)).fetch(this::tally));
    }

    /** Every task's tally, a chunk of tasks at a time. */
    void all(Consumer<TaskTally> each) {
        List<Long> ids = db.select(PLANS_TASK.ID).from(PLANS_TASK).orderBy(PLANS_TASK.ID).fetch(PLANS_TASK.ID);
        for (int i = 0; i < ids.size(); i += FETCH_SIZE) {
            of(ids.subList(i, Math.min(i + FETCH_SIZE, ids.size()))).forEach(each);
        }
    }

    /** The tallies with each task's weeks of level changes, and, for a reporting task, its lead units and reports. */
    private List<TaskTally> withPanels(List<TaskTally> tallies) {
        if (tallies.isEmpty()) {
            return tallies;
        }
        List<Long> ids = tallies.stream().map(TaskTally::taskId).toList();
        Map<Long, List<String>> weeks = new HashMap<>();
        db.select(SUPERVISION_LEVEL_CHANGE.TASK_ID, SUPERVISION_LEVEL_CHANGE.OCCURRED_AT, SUPERVISION_LEVEL_CHANGE.TO_LEVEL)
                .from(SUPERVISION_LEVEL_CHANGE)
                .where(SUPERVISION_LEVEL_CHANGE.TASK_ID.in(ids).and(SUPERVISION_LEVEL_CHANGE.TO_LEVEL.in(TREND_LEVELS)))
                .forEach(r -> weeks.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(TaskTally.levelWeek(r.value2().atZoneSameInstant(clock.getZone()).toLocalDate(), r.value3())));
        Set<String> reportingStatuses = ReportingCycles.REPORTING.stream().map(Enum::name).collect(Collectors.toSet());
        List<Long> reporting = tallies.stream().filter(t -> reportingStatuses.contains(t.status())).map(TaskTally::taskId).toList();
        Map<Long, String> owners = db.select(PLANS_PLAN.ID, UNITS_DIRECTORY.PATH).from(PLANS_PLAN)
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_PLAN.OWNER_UNIT_ID))
                .where(PLANS_PLAN.ID.in(tallies.stream().map(TaskTally::planId).collect(Collectors.toSet())))
                .fetchMap(PLANS_PLAN.ID, UNITS_DIRECTORY.PATH);
        Map<Long, Long> planOf = tallies.stream().collect(Collectors.toMap(TaskTally::taskId, TaskTally::planId));
        Map<Long, List<TaskTally.Lead>> leads = new HashMap<>();
        if (!reporting.isEmpty()) {
            db.select(PLANS_TASK_UNIT.TASK_ID, UNITS_DIRECTORY.ID, UNITS_DIRECTORY.PATH).from(PLANS_TASK_UNIT)
                    .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                    .where(PLANS_TASK_UNIT.TASK_ID.in(reporting).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                    .forEach(r -> leads.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TaskTally.Lead(r.value2(),
                            TaskTally.reportKeys(r.value3(), owners.get(planOf.get(r.value1()))))));
        }
        Map<Long, List<TaskTally.Submitted>> submitted = new HashMap<>();
        if (!leads.isEmpty()) {
            db.select(PROGRESS_SLOT_SUBMITTED.TASK_ID, PROGRESS_SLOT_SUBMITTED.UNIT_ID, PROGRESS_SLOT_SUBMITTED.CYCLE_ID,
                            PROGRESS_SLOT_SUBMITTED.FIRST_SUBMITTED_AT, PROGRESS_CYCLE.PLAN_ID, PROGRESS_CYCLE.GRACE_UNTIL)
                    .from(PROGRESS_SLOT_SUBMITTED).join(PROGRESS_CYCLE).on(PROGRESS_CYCLE.ID.eq(PROGRESS_SLOT_SUBMITTED.CYCLE_ID))
                    .where(PROGRESS_SLOT_SUBMITTED.TASK_ID.in(leads.keySet()))
                    .forEach(r -> {
                        long task = r.get(PROGRESS_SLOT_SUBMITTED.TASK_ID);
                        long unit = r.get(PROGRESS_SLOT_SUBMITTED.UNIT_ID);
                        // counted as DueReports finds it: a cycle of the task's plan, a unit that leads it now
                        if (r.get(PROGRESS_CYCLE.PLAN_ID).equals(planOf.get(task))
                                && leads.get(task).stream().anyMatch(l -> l.unitId() == unit)) {
                            LocalDate on = r.get(PROGRESS_SLOT_SUBMITTED.FIRST_SUBMITTED_AT).atZoneSameInstant(clock.getZone()).toLocalDate();
                            submitted.computeIfAbsent(task, k -> new ArrayList<>()).add(new TaskTally.Submitted(unit,
                                    r.get(PROGRESS_SLOT_SUBMITTED.CYCLE_ID), on.isAfter(r.get(PROGRESS_CYCLE.GRACE_UNTIL))));
                        }
                    });
        }
        return tallies.stream().map(t -> t.with(weeks.getOrDefault(t.taskId(), List.of()), leads.getOrDefault(t.taskId(), List.of()),
                submitted.getOrDefault(t.taskId(), List.of()))).toList();
    }

    static final List<String> TREND_LEVELS = List.of("RED", "YELLOW", "BLUE");

    private static final Field<OffsetDateTime> CLOSED_AT = field(select(max(PLANS_TASK_HISTORY.OCCURRED_AT)).from(PLANS_TASK_HISTORY)
            .where(PLANS_TASK_HISTORY.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_HISTORY.TO_STATUS.eq("CLOSED")))).as("closed_at");

    private org.jooq.ResultQuery<? extends Record> query(Condition tasks) {
        return db.select(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.STATUS, PLANS_TASK.DEADLINE, PLANS_TASK.UNIT_REACH, PLANS_TASK.OFFICE_REACH,
                        PLANS_TASK.LEAD_REACH, SUPERVISION_TASK_WARNING.SCHEDULE_STATUS, SUPERVISION_TASK_WARNING.LEVEL, CLOSED_AT)
                .from(PLANS_TASK).leftJoin(SUPERVISION_TASK_WARNING).on(SUPERVISION_TASK_WARNING.TASK_ID.eq(PLANS_TASK.ID))
                .where(tasks).orderBy(PLANS_TASK.ID);
    }

    private TaskTally tally(Record r) {
        String status = r.get(PLANS_TASK.STATUS);
        String schedule = r.get(SUPERVISION_TASK_WARNING.SCHEDULE_STATUS);
        String level = r.get(SUPERVISION_TASK_WARNING.LEVEL);
        // the burn-up counts a task closed now (the figure), from its last closing
        OffsetDateTime closedAt = figures.holds(TaskFigure.CLOSED, status, schedule, level) ? r.get(CLOSED_AT) : null;
        return TaskTally.of(r.get(PLANS_TASK.ID), r.get(PLANS_TASK.PLAN_ID), r.get(PLANS_TASK.REF), status, schedule, level, r.get(PLANS_TASK.DEADLINE),
                closedAt == null ? null : closedAt.atZoneSameInstant(clock.getZone()).toLocalDate(),
                Arrays.asList(r.get(PLANS_TASK.UNIT_REACH)), Arrays.asList(r.get(PLANS_TASK.OFFICE_REACH)), Arrays.asList(r.get(PLANS_TASK.LEAD_REACH)));
    }
}
