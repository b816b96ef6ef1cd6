package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.Field;
import org.rectify.access.DataScope;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_REACH;

/**
 * The rows of {@code task_open_reach} (migration V45) that a ledger page reads instead of walking the task table: the
 * open tasks of one subtree, already in deadline order, so a page reads its own rows however large the province is
 * (issue 14). A filter can use it when it asks for open statuses only (all or some of them), by deadline ascending,
 * inside a subtree: a scope below the whole province, a lead unit, or both. With both, a lead unit inside the scope
 * leads the range, and the scope is implied (a task led from there has that unit's path, and so the scope's, in its
 * lead, unit and office reach); otherwise the scope leads and the lead unit is tested on the task row. What the range
 * does not already say is left to the task row ({@link #rest}).
 *
 * @param path  the subtree's path
 * @param reach which reach the path is looked up in: the office's (office roles), the units' (unit roles) or the lead
 *              units' (a lead-unit filter)
 */
record OpenReachRange(String path, Reach reach) {

    enum Reach {
        OFFICE, UNIT, LEAD
    }

    /** The statuses the table keeps: V40's open list (no drafts). */
    static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.CLOSURE_REQUESTED, TaskStatus.ONGOING, TaskStatus.REOPENED);

    /**
     * The range for a filter in a scope, if the filter can read one; {@code leadPath} is the lead unit's path (null
     * without a lead-unit filter, empty for an unknown unit).
     */
    static Optional<OpenReachRange> of(LedgerFilter filter, DataScope scope, Optional<String> leadPath) {
        if (filter.sort() != LedgerFilter.Sort.DEADLINE || filter.descending() || filter.statuses().isEmpty()
                || !OPEN.containsAll(filter.statuses()) || (leadPath != null && leadPath.isEmpty())) {
            return Optional.empty();
        }
        if (leadPath != null && (scope.isAll() || leadPath.get().startsWith(scope.unitPath()))) {
            return Optional.of(new OpenReachRange(leadPath.get(), Reach.LEAD));
        }
        // the whole province's open tasks (none): V40's index is already in this order
        return ofScope(scope);
    }

    /**
     * The open tasks of a scope below the whole province (none for the whole province): its path in the reach its
     * condition tests ({@link TaskConditions.On#visibleTo}), the office's for office roles, the units' for unit roles.
     */
    static Optional<OpenReachRange> ofScope(DataScope scope) {
        return scope.isAll() ? Optional.empty()
                : Optional.of(new OpenReachRange(scope.unitPath(), scope.ownPlans() ? Reach.OFFICE : Reach.UNIT));
    }

    /**
     * The range's tasks as a condition on a task's id: the scope's condition for a set of open tasks only, answered from
     * V45's indexes alone (a probe of the task and path, or the range's ids at once) where the scope's own condition
     * read each task's row for its reach.
     */
    Condition tasks(Field<Long> taskId) {
        return taskId.in(select(TASK_OPEN_REACH.TASK_ID).from(TASK_OPEN_REACH).where(anyDeadline()));
    }

    /** The range's rows, the filter's deadlines included (bounds of the index's range). */
    Condition rows(LedgerFilter filter) {
        Condition rows = anyDeadline();
        if (filter.deadlineFrom() != null) {
            rows = rows.and(TASK_OPEN_REACH.DEADLINE.ge(filter.deadlineFrom()));
        }
        if (filter.deadlineTo() != null) {
            rows = rows.and(TASK_OPEN_REACH.DEADLINE.le(filter.deadlineTo()));
        }
        return rows;
    }

    /** The range's rows whatever their deadline. */
    private Condition anyDeadline() {
        // the path inline, as the scope's (TaskConditions.On#visibleTo): a county's range and the province's differ by
        // a hundred thousand rows
        Condition rows = TASK_OPEN_REACH.PATH.eq(inline(path));
        return switch (reach) {
            case OFFICE -> rows;
            case UNIT -> rows.and(condition(TASK_OPEN_REACH.IN_UNIT_REACH));
            case LEAD -> rows.and(condition(TASK_OPEN_REACH.IN_LEAD_REACH));
        };
    }

    /**
     * What is left of the filter to test on the task row: not the deadlines (in {@link #rows}), not the statuses when
     * they are every open one (the table holds only those), not the lead unit when it leads the range.
     */
    LedgerFilter rest(LedgerFilter filter) {
        return new LedgerFilter(filter.planId(), filter.section(), reach == Reach.LEAD ? null : filter.leadUnitId(),
                OPEN.equals(filter.statuses()) ? Set.of() : filter.statuses(), null, null, filter.responsible(),
                filter.text(), filter.sort(), filter.descending(), filter.page(), filter.size(), filter.figure());
    }
}
