package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.rectify.access.DataScope;
import org.rectify.units.UnitPaths;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Conditions on the TASK table that other modules' queries share, above all the data scope: a module
 * that reads tasks, or rows hanging off them, adds {@link #visibleTo} to its query.
 */
public final class TaskConditions {

    private TaskConditions() {
    }

    /**
     * Keeps a query inside the scope: some lead or supporting unit lies in the subtree, or (for the
     * office, supervisors and leaders) the task's plan was issued there. Tested on the task's own reach: the paths
     * at and above its units (and its plan's owner), kept by the database (migration V26), so the test is one
     * indexed array containment instead of a join of all the subtree's task-unit rows.
     */
    public static Condition visibleTo(DataScope scope) {
        if (scope.isAll()) {
            return noCondition();
        }
        // The path inline, not a bind value: a generic prepared plan cannot know that the province's path matches
        // every task and a county's a few hundred (measured: 400 ms instead of 2 ms for the root's first page).
        var reach = scope.ownPlans() ? TASK.OFFICE_REACH : TASK.UNIT_REACH;
        return reach.contains(org.jooq.impl.DSL.inline(new String[]{scope.unitPath()}, reach.getDataType()));
    }

    /**
     * Tasks whose plan is run by a unit the caller governs ({@link org.rectify.access.Caller#governs}): the tasks
     * on which the caller may give office commands, and whose notices, ledger entries and instructions it lists.
     */
    public static Condition governedBy(org.rectify.access.Caller caller) {
        return governedBy(caller.scope());
    }

    /** {@link #governedBy(org.rectify.access.Caller)} for a scope: unit scopes govern nothing. */
    public static Condition governedBy(DataScope scope) {
        if (scope.isAll()) {
            return org.jooq.impl.DSL.trueCondition();
        }
        if (!scope.ownPlans()) {
            return org.jooq.impl.DSL.falseCondition();
        }
        return TASK.PLAN_ID.in(select(PLAN.ID).from(PLAN).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLAN.OWNER_UNIT_ID))
                .where(UnitPaths.within(UNITS_DIRECTORY.PATH, scope.unitPath())));
    }

    /**
     * The office-level rows hanging off tasks (supervision notices, ledger entries, instructions) that a scope
     * reads: unit staff and heads those on the tasks their unit takes part in (they answer them); every other role
     * only those on tasks of plans it governs, not the ones a parent or sibling office raised on shared tasks.
     */
    public static Condition officeRowsFor(DataScope scope) {
        return scope.ownPlans() ? governedBy(scope) : visibleTo(scope);
    }

    /**
     * Tasks that a unit at {@code unitPath}, or below it, leads: on the task's lead reach (migration V34), one indexed
     * array containment instead of a join of the subtree's lead task-unit rows; the path inline, as in {@link #visibleTo}.
     */
    public static Condition ledFrom(String unitPath) {
        return TASK.LEAD_REACH.contains(org.jooq.impl.DSL.inline(new String[]{unitPath}, TASK.LEAD_REACH.getDataType()));
    }

    /**
     * {@link #ledFrom(String)} for a unit path column of the query (each unit of a ranking with the tasks led from its
     * subtree): the same lead reach, so the ranking counts what the ledger's lead-unit filter lists.
     */
    public static Condition ledFrom(Field<String> unitPath) {
        return TASK.LEAD_REACH.contains(org.jooq.impl.DSL.array(unitPath));
    }

    /** Tasks that the unit {@code unitId}, or one below it, leads; none if there is no such unit. */
    public static Condition ledFromUnit(DSLContext db, long unitId) {
        String path = db.select(UNITS_DIRECTORY.PATH).from(UNITS_DIRECTORY).where(UNITS_DIRECTORY.ID.eq(unitId)).fetchOne(UNITS_DIRECTORY.PATH);
        return path == null ? falseCondition() : ledFrom(path);
    }

    /** Tasks in a section or item of the plan ({@code 二}, {@code 二(三)}, full-width parentheses too). */
    public static Condition inSection(String section) {
        if (section == null || section.isBlank()) {
            return noCondition();
        }
        String s = section.strip().replace('（', '(').replace('）', ')');
        if (s.endsWith(")")) {
            return TASK.REF.startsWith(s);
        }
        return TASK.REF.eq(s).or(TASK.REF.startsWith(s + "(")).or(TASK.REF.similarTo(escapeSimilar(s) + "[0-9]+"));
    }

    private static String escapeSimilar(String s) {
        return s.replaceAll("([\\[\\]().*+?|{}%_\\\\])", "\\\\$1");
    }
}
