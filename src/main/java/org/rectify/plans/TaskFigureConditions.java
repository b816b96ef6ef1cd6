package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

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
     * The tasks of a figure of open tasks only (a schedule status, a warning level: the rules give a draft, closed or
     * cancelled task none of them) as rows the deriving module keeps, each with its task's plan, position and deadline:
     * a ledger page in plan order or by deadline walks them in that order, its scope tested among the scope's open
     * tasks. Empty for a lifecycle figure. As assessed: a task closed a moment ago, or given a new deadline (its
     * assessment follows on a thread of its own, milliseconds), is listed under its last assessment until then.
     */
    Optional<FigureTasks> tasksOf(TaskFigure figure);

    /**
     * A figure's tasks as rows of another module's table ({@code rows}, the figure's condition inside it): the task's
     * id, and the copies of its plan and position (a task changes neither), which order the rows as the ledger orders
     * tasks by reference, and of its deadline as last assessed, which order them by deadline.
     */
    record FigureTasks(Table<?> rows, Field<Long> taskId, Field<Long> planId, Field<Integer> position,
                       Field<java.time.LocalDate> deadline) {
    }

    /**
     * The same definition over a task's facts as a read model keeps them (insight's kept counts): its status, and the
     * schedule status and warning level supervision assessed ("" or null when not yet assessed).
     */
    boolean holds(TaskFigure figure, String status, String scheduleStatus, String level);
}
