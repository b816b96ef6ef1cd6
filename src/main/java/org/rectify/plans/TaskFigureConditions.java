package org.rectify.plans;

import org.jooq.Condition;

/**
 * The definition of each {@link TaskFigure} as a condition on the TASK table. Supervision, which derives schedule
 * status and warning level, implements it; the ledger filters and the dashboard count with the same conditions.
 */
public interface TaskFigureConditions {

    Condition of(TaskFigure figure);
}
