package org.rectify.plans;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * A task read by its id (its page, a report's submission) binds the reader's path instead of writing it into the
 * statement: one text for every unit, which the driver keeps prepared and PostgreSQL plans once (issue 14), and the same
 * tasks found and refused for every scope as the scope's condition on the ledger.
 */
@IntegrationTest
class TaskReadPlannedOnceTests {

    @Autowired
    DSLContext db;
    @Autowired
    TaskLedger ledger;

    @Test
    void every_scope_reads_by_id_exactly_the_tasks_its_ledger_condition_sees_and_is_refused_the_others() {
        List<Long> tasks = db.select(TASK.ID).from(TASK).orderBy(TASK.ID).fetch(TASK.ID);
        assertThat(tasks).hasSizeGreaterThan(10);
        Set<DataScope> scopes = everyScope();
        assertThat(scopes).hasSizeGreaterThan(20);
        for (DataScope scope : scopes) {
            List<Long> seen = db.select(TASK.ID).from(TASK).where(TaskConditions.visibleTo(scope)).orderBy(TASK.ID).fetch(TASK.ID);
            List<Long> read = new ArrayList<>();
            for (long id : tasks) {
                try {
                    TaskDetail task = ledger.get(id, scope);
                    assertThat(task.id()).isEqualTo(id);
                    read.add(id);
                } catch (TaskNotFound e) {
                    // refused: outside the scope
                }
            }
            assertThat(read).as("%s", scope).isEqualTo(seen);
        }
        assertThatThrownBy(() -> ledger.get(Long.MAX_VALUE, DataScope.ALL)).isInstanceOf(TaskNotFound.class);
    }

    /**
     * Twelve reads of a task by the staff of three units that see it (paths of its reach) on one connection: one
     * prepared statement of the task read (the driver prepares a text on the server at its fifth execution), whose
     * later executions run PostgreSQL's generic plan. With each unit's path written into the text, each unit had its own
     * statement, four executions each: none prepared.
     */
    @Test
    void the_reads_of_many_units_staff_are_one_prepared_statement_planned_once() {
        var task = db.select(TASK.ID, TASK.UNIT_REACH).from(TASK).where(org.jooq.impl.DSL.field("cardinality({0})",
                Integer.class, TASK.UNIT_REACH).ge(3)).orderBy(TASK.ID).limit(1).fetchSingle();
        List<String> paths = List.of(task.value2()).subList(0, 3);
        db.transaction(tx -> { // one connection throughout
            for (int i = 0; i < 12; i++) {
                assertThat(ledger.get(task.value1(), DataScope.ofUnit(paths.get(i % paths.size()))).id()).isEqualTo(task.value1());
            }
            var prepared = tx.dsl().fetch("select generic_plans, custom_plans from pg_prepared_statements"
                    + " where statement like 'select \"task\".\"id\", \"task\".\"plan_id\"%\"units_of_task\"%'"
                    + " and statement like '%\"task\".\"unit_reach\" @>%'"); // a unit's kind (not the province's, an office's)
            assertThat(prepared).as("one statement for three units").hasSize(1);
            assertThat(prepared.get(0).get(0, Long.class)).as("its generic plan ran").isPositive();
        });
    }

    /** Every account's scope, both scopes of every unit, and the whole province's. */
    private Set<DataScope> everyScope() {
        Set<DataScope> scopes = new LinkedHashSet<>();
        scopes.add(DataScope.ALL);
        scopes.addAll(EveryScope.of(db));
        return scopes;
    }
}
