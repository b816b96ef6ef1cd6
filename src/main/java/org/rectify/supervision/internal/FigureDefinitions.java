package org.rectify.supervision.internal;

import org.jooq.Condition;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.supervision.ScheduleStatus;
import org.rectify.supervision.WarningLevel;
import org.springframework.stereotype.Component;

import static org.jooq.impl.DSL.select;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * What each dashboard figure means: the lifecycle ones from the task's status, the schedule and warning ones from the
 * schedule status and level this module derives (a task not yet assessed counts in none of them). A semi-join, so the
 * ledger filters with it and the dashboard counts with it ({@code count(*) filter (where …)}) alike; {@link #holds} is
 * the same definition over the facts a read model keeps (insight's kept counts), next to it so the two change together.
 */
@Component
class FigureDefinitions implements TaskFigureConditions {

    @Override
    public Condition of(TaskFigure figure) {
        return switch (figure) {
            case CLOSED -> TASK.STATUS.eq(TaskStatus.CLOSED.name());
            case ONGOING -> TASK.STATUS.eq(TaskStatus.ONGOING.name());
            case RELAPSED -> TASK.STATUS.eq(TaskStatus.REOPENED.name());
            case ON_SCHEDULE -> schedule(ScheduleStatus.ON_SCHEDULE);
            case BEHIND -> schedule(ScheduleStatus.BEHIND);
            case OVERDUE -> schedule(ScheduleStatus.OVERDUE);
            case RED -> level(WarningLevel.RED);
            case YELLOW -> level(WarningLevel.YELLOW);
            case BLUE -> level(WarningLevel.BLUE);
        };
    }

    @Override
    public boolean holds(TaskFigure figure, String status, String scheduleStatus, String level) {
        return switch (figure) {
            case CLOSED -> TaskStatus.CLOSED.name().equals(status);
            case ONGOING -> TaskStatus.ONGOING.name().equals(status);
            case RELAPSED -> TaskStatus.REOPENED.name().equals(status);
            case ON_SCHEDULE -> ScheduleStatus.ON_SCHEDULE.name().equals(scheduleStatus);
            case BEHIND -> ScheduleStatus.BEHIND.name().equals(scheduleStatus);
            case OVERDUE -> ScheduleStatus.OVERDUE.name().equals(scheduleStatus);
            case RED -> WarningLevel.RED.name().equals(level);
            case YELLOW -> WarningLevel.YELLOW.name().equals(level);
            case BLUE -> WarningLevel.BLUE.name().equals(level);
        };
    }

    private static Condition schedule(ScheduleStatus status) {
        return TASK.ID.in(select(TASK_WARNING.TASK_ID).from(TASK_WARNING).where(TASK_WARNING.SCHEDULE_STATUS.eq(status.name())));
    }

    private static Condition level(WarningLevel level) {
        return TASK.ID.in(select(TASK_WARNING.TASK_ID).from(TASK_WARNING).where(TASK_WARNING.LEVEL.eq(level.name())));
    }
}
