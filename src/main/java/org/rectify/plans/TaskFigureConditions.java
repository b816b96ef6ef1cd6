package org.rectify.plans;

import org.jooq.Condition;

/**
 * The definition of each {@link TaskFigure} as a condition on the TASK table. Supervision, which derives schedule
 * status and warning level, implements it; the ledger filters and the dashboard count with the same conditions.
 */
public interface TaskFigureConditions {

    Condition of(TaskFigure figure);

    /**
     * The same definition over a task's facts as a read model keeps them (insight's kept counts): its status, and the
     * schedule status and warning level supervision assessed ("" or null when not yet assessed).
     */
    boolean holds(TaskFigure figure, String status, String scheduleStatus, String level);
}
