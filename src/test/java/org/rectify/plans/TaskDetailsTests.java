package org.rectify.plans;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;

/**
 * Many tasks read at once ({@link TaskLedger#details}: a plan's breakdown export, a page of the ledger in six
 * statements) are each the task {@link TaskLedger#get} reads alone, without its history, for the root office, a
 * county office and unit staff; in the order asked, tasks outside the scope left out.
 */
@IntegrationTest
class TaskDetailsTests {

    @Autowired
    DSLContext db;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;

    private Map<String, DataScope> roles() {
        return Demo.scopes(units);
    }

    private static TaskDetail withoutHistory(TaskDetail t) {
        return new TaskDetail(t.id(), t.planId(), t.planTitle(), t.ref(), t.title(), t.text(), t.measures(), t.status(),
                t.ongoing(), t.deadline(), t.version(), t.leadUnits(), t.supportingUnits(), t.responsiblePersonId(),
                t.responsible(), t.milestones(), t.indicators(), t.obligations(), List.of());
    }

    @Test
    void every_task_read_with_others_is_the_task_read_alone_for_each_role() {
        List<Long> every = db.select(TASK.ID).from(TASK).orderBy(TASK.ID).fetch(TASK.ID);
        List<Long> asked = new ArrayList<>(every);
        Collections.reverse(asked); // not the table's order: the order asked
        int withMilestones = 0;
        int withIndicators = 0;
        int withSupport = 0;
        int viaGroup = 0;
        int leftOut = 0;
        for (var role : roles().entrySet()) {
            List<Long> visible = db.select(TASK.ID).from(TASK).where(TaskConditions.visibleTo(role.getValue()))
                    .fetch(TASK.ID);
            assertThat(visible.size()).as(role.getKey()).isPositive();
            leftOut += every.size() - visible.size();
            List<TaskDetail> old = asked.stream().filter(visible::contains)
                    .map(id -> withoutHistory(ledger.get(id, role.getValue()))).toList();
            for (int from = 0; from < asked.size(); from += 50) { // pages of 50, as the export reads a page at a time
                List<Long> page = asked.subList(from, Math.min(asked.size(), from + 50));
                assertThat(ledger.details(page, role.getValue())).as("%s from %d", role.getKey(), from)
                        .isEqualTo(old.stream().filter(t -> page.contains(t.id())).toList());
            }
            withMilestones += (int) old.stream().filter(t -> !t.milestones().isEmpty()).count();
            withIndicators += (int) old.stream().filter(t -> !t.indicators().isEmpty()).count();
            withSupport += (int) old.stream().filter(t -> !t.supportingUnits().isEmpty()).count();
            // a task read alone has its units from arrays beside its row since session 17: those named through a group
            // read as the many-at-once read has them
            viaGroup += (int) old.stream().filter(t -> t.leadUnits().stream().anyMatch(u -> u.groupId() != null)).count();
        }
        assertThat(leftOut).as("some task outside a scope asked for").isPositive();
        assertThat(withMilestones).as("some task with milestones compared").isPositive();
        assertThat(withIndicators).as("some task with indicators compared").isPositive();
        assertThat(withSupport).as("some task with supporting units compared").isPositive();
        assertThat(viaGroup).as("some task with lead units named through a group compared").isPositive();
        assertThat(ledger.details(List.of(), DataScope.ALL)).isEmpty();
    }

    @Test
    @Transactional // rolled back: the demo's task keeps its units
    void a_task_without_units_is_read_alone_as_with_others_with_no_units() {
        long id = db.select(TASK.ID).from(TASK).orderBy(TASK.ID).limit(1).fetchSingle(TASK.ID);
        db.deleteFrom(TASK_UNIT).where(TASK_UNIT.TASK_ID.eq(id)).execute();
        TaskDetail alone = ledger.get(id, DataScope.ALL);
        assertThat(alone.leadUnits()).isEmpty();
        assertThat(alone.supportingUnits()).isEmpty();
        assertThat(ledger.details(List.of(id), DataScope.ALL)).containsExactly(withoutHistory(alone));
    }
}
