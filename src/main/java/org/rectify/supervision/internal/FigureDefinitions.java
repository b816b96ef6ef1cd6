package org.rectify.supervision.internal;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.supervision.ScheduleStatus;
import org.rectify.supervision.WarningLevel;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.select;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * What each dashboard figure means: the lifecycle ones from the task's status, the schedule and warning ones from the
 * schedule status and level this module derives (a task not yet assessed counts in none of them). Each figure is
 * defined once ({@link #definition}: one fact equal to one value) and rendered twice: as a semi-join ({@link #of}), so
 * the ledger filters with it and the dashboard counts with it ({@code count(*) filter (where …)}) alike, and over the
 * facts a read model keeps ({@link #holds}, insight's kept counts).
 */
@Component
class FigureDefinitions implements TaskFigureConditions {

    /** The fact of a task a figure is read from. */
    enum Fact { STATUS, SCHEDULE, LEVEL }

    /** A figure holds for a task whose {@code fact} equals {@code value}. */
    record Definition(Fact fact, String value) {
    }

    /** Each schedule or warning figure's rows, built once: the ledger asks on every page of a figure. */
    private static final Map<TaskFigure, FigureTasks> TASKS = Arrays.stream(TaskFigure.values())
            .filter(f -> definition(f).fact() != Fact.STATUS)
            .collect(Collectors.toMap(f -> f, f -> warnings(definition(f)), (a, b) -> a,
                    () -> new EnumMap<>(TaskFigure.class)));

    static Definition definition(TaskFigure figure) {
        return switch (figure) {
            case CLOSED -> new Definition(Fact.STATUS, TaskStatus.CLOSED.name());
            case ONGOING -> new Definition(Fact.STATUS, TaskStatus.ONGOING.name());
            case RELAPSED -> new Definition(Fact.STATUS, TaskStatus.REOPENED.name());
            case ON_SCHEDULE -> new Definition(Fact.SCHEDULE, ScheduleStatus.ON_SCHEDULE.name());
            case BEHIND -> new Definition(Fact.SCHEDULE, ScheduleStatus.BEHIND.name());
            case OVERDUE -> new Definition(Fact.SCHEDULE, ScheduleStatus.OVERDUE.name());
            case RED -> new Definition(Fact.LEVEL, WarningLevel.RED.name());
            case YELLOW -> new Definition(Fact.LEVEL, WarningLevel.YELLOW.name());
            case BLUE -> new Definition(Fact.LEVEL, WarningLevel.BLUE.name());
        };
    }

    @Override
    public Condition of(TaskFigure figure, Field<Long> taskId, Field<String> status) {
        Definition d = definition(figure);
        return d.fact() == Fact.STATUS ? status.eq(d.value())
                : taskId.in(select(TASK_WARNING.TASK_ID).from(TASK_WARNING).where(assessed(d)));
    }

    /** A schedule or warning figure's condition on the warning row (its task's last assessment). */
    private static Condition assessed(Definition d) {
        return (d.fact() == Fact.SCHEDULE ? TASK_WARNING.SCHEDULE_STATUS : TASK_WARNING.LEVEL).eq(d.value());
    }

    @Override
    public Optional<TaskStatus> status(TaskFigure figure) {
        Definition d = definition(figure);
        return d.fact() == Fact.STATUS ? Optional.of(TaskStatus.valueOf(d.value())) : Optional.empty();
    }

    /**
     * The warnings of a level, or of a schedule status, with their tasks' plan, position and deadline: V78's indexes
     * give them in plan order, V80's by deadline.
     */
    @Override
    public Optional<FigureTasks> tasksOf(TaskFigure figure) {
        return Optional.ofNullable(TASKS.get(figure));
    }

    private static FigureTasks warnings(Definition d) {
        Table<?> rows = select(TASK_WARNING.TASK_ID, TASK_WARNING.PLAN_ID, TASK_WARNING.TASK_POSITION, TASK_WARNING.TASK_DEADLINE)
                .from(TASK_WARNING).where(assessed(d)).asTable("figure_tasks");
        return new FigureTasks(rows, rows.field(TASK_WARNING.TASK_ID), rows.field(TASK_WARNING.PLAN_ID),
                rows.field(TASK_WARNING.TASK_POSITION), rows.field(TASK_WARNING.TASK_DEADLINE));
    }

    @Override
    public boolean holds(TaskFigure figure, String status, String scheduleStatus, String level) {
        Definition d = definition(figure);
        return d.value().equals(switch (d.fact()) {
            case STATUS -> status;
            case SCHEDULE -> scheduleStatus;
            case LEVEL -> level;
        });
    }
}
