package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.Field;

import java.util.Optional;

import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * The definition of each {@link TaskFigure} as a condition on tasks. Supervision, which derives schedule status and
 * warning level, implements it on the task's id and status columns it is given; the ledger filters and the dashboard
 * count with the same conditions on plans' TASK table.
 */
public interface TaskFigureConditions {

    /** The figure's condition on plans' TASK table (the ledger, the dashboard). */
    default Condition of(TaskFigure figure) {
        return of(figure, TASK.ID, TASK.STATUS);
    }

    /** The figure's one definition, on a query's task id and status columns (plans' table or its published view). */
    Condition of(TaskFigure figure, Field<Long> taskId, Field<String> status);

    /**
     * The status a lifecycle figure is the tasks of (closed, ongoing, relapsed), empty for one supervision derives: the
     * ledger asks such a figure as that status, whose exact total the kept counts give ({@link TaskStatusCounts}).
     */
    Optional<TaskStatus> status(TaskFigure figure);

    /**
     * The same definition over a task's facts as a read model keeps them (insight's kept counts): its status, and the
     * schedule status and warning level supervision assessed ("" or null when not yet assessed).
     */
    boolean holds(TaskFigure figure, String status, String scheduleStatus, String level);
}
