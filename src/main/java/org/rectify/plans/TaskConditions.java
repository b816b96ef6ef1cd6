package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.rectify.access.DataScope;
import org.rectify.units.UnitPaths;

import java.util.List;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Conditions on tasks that queries share, above all the data scope: a query that reads tasks, or rows hanging off
 * them, adds {@link #visibleTo} to it. Each condition is defined once ({@link On}) and rendered on either relation:
 * plans' own TASK table (the static methods, for plans and insight) or the view plans publishes,
 * {@code plans_task} ({@link #PUBLISHED}, for every other module, which joins the view and never the table).
 */
public final class TaskConditions {

    /** The conditions on the published view {@code plans_task} (org.rectify.plans.api): other modules use these. */
    public static final On PUBLISHED = new On(PLANS_TASK.ID, PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.UNIT_REACH,
            PLANS_TASK.OFFICE_REACH, PLANS_TASK.LEAD_REACH, new Columns(PLANS_TASK.STATUS, PLANS_TASK.DEADLINE,
            PLANS_TASK.RESPONSIBLE_PERSON_ID, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.MEASURES));

    static final On OWN = new On(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.UNIT_REACH, TASK.OFFICE_REACH, TASK.LEAD_REACH,
            new Columns(TASK.STATUS, TASK.DEADLINE, TASK.RESPONSIBLE_PERSON_ID, TASK.TITLE, TASK.TEXT, TASK.MEASURES));

    private TaskConditions() {
    }

    /** {@link On#visibleTo} on plans' TASK table. */
    public static Condition visibleTo(DataScope scope) {
        return OWN.visibleTo(scope);
    }

    /** {@link On#visibleToById} on plans' TASK table. */
    public static BoundScope visibleToById(DataScope scope) {
        return OWN.visibleToById(scope);
    }

    /** {@link On#governedBy(org.rectify.access.Caller)} on plans' TASK table. */
    public static Condition governedBy(org.rectify.access.Caller caller) {
        return OWN.governedBy(caller);
    }

    /** {@link On#governedBy(DataScope)} on plans' TASK table. */
    public static Condition governedBy(DataScope scope) {
        return OWN.governedBy(scope);
    }

    /**
     * {@link On#governedBy(DataScope)} on a copy of the task's plan id kept in another module's row of the task (a task
     * never changes plan): the same plans, tested without joining the tasks.
     */
    public static Condition governedPlan(DataScope scope, Field<Long> planId) {
        if (scope.isAll()) {
            return org.jooq.impl.DSL.trueCondition();
        }
        if (!scope.ownPlans()) {
            return org.jooq.impl.DSL.falseCondition();
        }
        return planId.in(select(PLAN.ID).from(PLAN).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLAN.OWNER_UNIT_ID))
                .where(UnitPaths.within(UNITS_DIRECTORY.PATH, scope.unitPath())));
    }

    /** {@link On#officeRowsFor} on plans' TASK table. */
    public static Condition officeRowsFor(DataScope scope) {
        return OWN.officeRowsFor(scope);
    }

    /** {@link On#ledFrom(String)} on plans' TASK table. */
    public static Condition ledFrom(String unitPath) {
        return OWN.ledFrom(unitPath);
    }

    /** {@link On#ledFrom(Field)} on plans' TASK table. */
    public static Condition ledFrom(Field<String> unitPath) {
        return OWN.ledFrom(unitPath);
    }

    /** {@link On#ledFromUnit} on plans' TASK table. */
    public static Condition ledFromUnit(DSLContext db, long unitId) {
        return OWN.ledFromUnit(db, unitId);
    }

    /** {@link On#inSection} on plans' TASK table. */
    public static Condition inSection(String section) {
        return OWN.inSection(section);
    }

    /**
     * The ids of the tasks a condition on plans' TASK table selects (such as the ledger's {@link TaskLedger#where}),
     * for another module's semi-join ({@code task_id in (…)}): the condition stays plans' to render.
     */
    public static Select<Record1<Long>> ids(Condition onTask) {
        return select(TASK.ID).from(TASK).where(onTask);
    }

    /**
     * A scope's condition with its path bound ({@link On#visibleToById}): the values it binds, in order (none for the
     * whole province), and what its text depends on (a statement's key names {@code kind}, never the path).
     */
    public record BoundScope(Condition condition, List<Object> binds, String kind) {
    }

    /** The other columns of a task the ledger's filter reads ({@link TaskLedger#where}), on one relation. */
    record Columns(Field<String> status, Field<java.time.LocalDate> deadline, Field<Long> responsiblePersonId,
                   Field<String> title, Field<String> text, Field<String> measures) {
    }

    /** The task conditions rendered on one relation holding tasks (plans' table or its published view). */
    public static final class On {

        final Field<Long> id;
        final Columns columns;
        final Field<Long> planId;
        private final Field<String> ref;
        private final Field<String[]> unitReach;
        private final Field<String[]> officeReach;
        private final Field<String[]> leadReach;

        private On(Field<Long> id, Field<Long> planId, Field<String> ref, Field<String[]> unitReach, Field<String[]> officeReach,
                   Field<String[]> leadReach, Columns columns) {
            this.id = id;
            this.columns = columns;
            this.planId = planId;
            this.ref = ref;
            this.unitReach = unitReach;
            this.officeReach = officeReach;
            this.leadReach = leadReach;
        }

        /**
         * Keeps a query inside the scope: some lead or supporting unit lies in the subtree, or (for the
         * office, supervisors and leaders) the task's plan was issued there. Tested on the task's own reach: the paths
         * at and above its units (and its plan's owner), kept by the database (migration V26), so the test is one
         * indexed array containment instead of a join of all the subtree's task-unit rows.
         */
        public Condition visibleTo(DataScope scope) {
            if (scope.isAll()) {
                return noCondition();
            }
            // The path inline, not a bind value: a generic prepared plan cannot know that the province's path matches
            // every task and a county's a few hundred (measured: 400 ms instead of 2 ms for the root's first page).
            var reach = reachOf(scope);
            return reach.contains(org.jooq.impl.DSL.inline(new String[]{scope.unitPath()}, reach.getDataType()));
        }

        /**
         * {@link #visibleTo} tested on each row as it is read, never answered by the reach's index (nor counted by its
         * statistics): for a walk of the plan-order index, which PostgreSQL does not choose while the reach's index can
         * collect the scope's tasks instead ({@link PlanOrderWalk}).
         */
        Condition visibleOnRow(DataScope scope) {
            if (scope.isAll()) {
                return noCondition();
            }
            return org.jooq.impl.DSL.function("array_position", Integer.class, reachOf(scope),
                    org.jooq.impl.DSL.inline(scope.unitPath())).isNotNull();
        }

        /** The reach a scope tests: the office's plans count for the office, supervisors and leaders. */
        private Field<String[]> reachOf(DataScope scope) {
            return scope.ownPlans() ? officeReach : unitReach;
        }

        /**
         * {@link #visibleTo} with the scope's path as a bind value, for a statement that reads a task by its id: its
         * plan starts at the id whatever the path matches, so one text serves every scope of a kind and the driver and
         * PostgreSQL keep it prepared with a generic plan. The path inline made one text per unit, parsed and planned
         * afresh at its first nine executions on each of the pool's connections (issue 14: at 5,000 units nearly every
         * report's submission and task page). Never for a statement whose plan depends on the path's selectivity (a
         * ledger page).
         */
        public BoundScope visibleToById(DataScope scope) {
            if (scope.isAll()) {
                return new BoundScope(noCondition(), List.of(), "all");
            }
            var reach = reachOf(scope);
            String[] path = {scope.unitPath()};
            // the array as one value (List.of would spread it into its elements)
            return new BoundScope(reach.contains(org.jooq.impl.DSL.val(path, reach.getDataType())),
                    java.util.Collections.singletonList(path),
                    scope.ownPlans() ? "office" : "unit");
        }

        /**
         * Tasks whose plan is run by a unit the caller governs ({@link org.rectify.access.Caller#governs}): the tasks
         * on which the caller may give office commands, and whose notices, ledger entries and instructions it lists.
         */
        public Condition governedBy(org.rectify.access.Caller caller) {
            return governedBy(caller.scope());
        }

        /** {@link #governedBy(org.rectify.access.Caller)} for a scope: unit scopes govern nothing. */
        public Condition governedBy(DataScope scope) {
            return governedPlan(scope, planId);
        }

        /**
         * The office-level rows hanging off tasks (supervision notices, ledger entries, instructions) that a scope
         * reads: unit staff and heads those on the tasks their unit takes part in (they answer them); every other role
         * only those on tasks of plans it governs, not the ones a parent or sibling office raised on shared tasks.
         */
        public Condition officeRowsFor(DataScope scope) {
            return scope.ownPlans() ? governedBy(scope) : visibleTo(scope);
        }

        /**
         * Tasks that a unit at {@code unitPath}, or below it, leads: on the task's lead reach (migration V34), one
         * indexed array containment instead of a join of the subtree's lead task-unit rows; the path inline, as in
         * {@link #visibleTo}.
         */
        public Condition ledFrom(String unitPath) {
            return leadReach.contains(org.jooq.impl.DSL.inline(new String[]{unitPath}, leadReach.getDataType()));
        }

        /**
         * {@link #ledFrom(String)} for a unit path column of the query (each unit of a ranking with the tasks led from
         * its subtree): the same lead reach, so the ranking counts what the ledger's lead-unit filter lists.
         */
        public Condition ledFrom(Field<String> unitPath) {
            return leadReach.contains(org.jooq.impl.DSL.array(unitPath));
        }

        /** Tasks that the unit {@code unitId}, or one below it, leads; none if there is no such unit. */
        public Condition ledFromUnit(DSLContext db, long unitId) {
            String path = db.select(UNITS_DIRECTORY.PATH).from(UNITS_DIRECTORY).where(UNITS_DIRECTORY.ID.eq(unitId))
                    .fetchOne(UNITS_DIRECTORY.PATH);
            return path == null ? falseCondition() : ledFrom(path);
        }

        /**
         * Tasks in a section or item of the plan ({@code 二}, {@code 二(三)}, full-width parentheses too). Every such
         * reference is of the section the filter's text is of, so that is said too: V76's index of each plan's sections
         * then gives the section's tasks plan by plan, where the references alone were tested on every task of the scope
         * (the province office's section at 100,000 tasks: 146 ms).
         */
        public Condition inSection(String section) {
            if (section == null || section.isBlank()) {
                return noCondition();
            }
            String s = section.strip().replace('（', '(').replace('）', ')');
            String of = PlanSections.sectionOf(s); // none for a text starting with a digit: saying it would narrow nothing
            Condition ofSection = of.isEmpty() ? noCondition()
                    : PlanSections.sectionOf(ref).eq(org.jooq.impl.DSL.inline(of));
            if (s.endsWith(")")) {
                return ofSection.and(ref.startsWith(s));
            }
            return ofSection.and(ref.eq(s).or(ref.startsWith(s + "(")).or(ref.similarTo(escapeSimilar(s) + "[0-9]+")));
        }

        private static String escapeSimilar(String s) {
            return s.replaceAll("([\\[\\]().*+?|{}%_\\\\])", "\\\\$1");
        }
    }
}
