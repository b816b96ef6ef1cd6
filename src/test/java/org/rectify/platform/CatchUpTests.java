package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.audit.AuditLog;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The node's one catch-up step (issue 14, Q4): the work commands leave for after their commit, every module's, in one
 * transaction (one commit and WAL fsync per batch of commands, not one per module); a module whose step fails holds no
 * other module's work back.
 */
@IntegrationTest
class CatchUpTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    AuditLog auditLog;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatchUp catchUp;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void a_commands_audit_records_and_its_dashboard_counts_are_taken_up_by_one_transaction_of_the_node() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "补课步骤方案");
        long taskId = tasks.draft("补课步骤任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.of(2031, 6, 30));
        settled(taskId); // the draft's first assessment and the recount it asks for: none of it taken up after the command

        // one command: its status counted anew, its audit record; the assessment after it finds the draft's warning
        // (none, not started), so nothing counts the task again after the step that takes the command's work up
        TestTasks.command(mvc, taskId, "ASSIGN");
        settled(taskId);

        // xmin: the transaction that wrote the row
        String linkedBy = jdbc.queryForObject("select xmin::text from audit_entry where object = ? and action = 'task.transitioned'",
                String.class, "task:" + taskId);
        String countedBy = jdbc.queryForObject("select xmin::text from insight_task where task_id = ?", String.class, taskId);
        assertThat(countedBy).as("the task counted for the dashboard in the step that linked its audit record").isEqualTo(linkedBy);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from insight_pending", Integer.class)).isZero();
    }

    /**
     * Returns once what the task's last command left for after its commit is done: the listeners that run on threads of
     * their own (its assessment), then the catch-up steps that take up what they and the command wrote.
     */
    private void settled(long taskId) {
        await().atMost(10, TimeUnit.SECONDS).until(new EventsHandled(publications).about(taskId)::get);
        catchUp.await();
        auditLog.awaitLinked();
    }

    @Test
    void every_modules_step_runs_in_one_transaction_and_one_with_more_waiting_runs_again_on_its_own() {
        CatchUp catchUp = new CatchUp(transactions, Duration.ZERO);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        AtomicBoolean more = new AtomicBoolean(true);
        catchUp.register("second", 2, () -> {
            second.add(transaction());
            return more.getAndSet(false);
        });
        catchUp.register("first", 1, () -> {
            first.add(transaction());
            return false;
        });
        catchUp.committed();
        catchUp.await(); // no thread started: the reader takes the step

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(2);
        assertThat(second.get(0)).as("both steps in one transaction").isEqualTo(first.get(0));
        assertThat(second.get(1)).as("the rest of a step's work in a transaction of its own").isNotEqualTo(first.get(0));
    }

    @Test
    void a_step_that_fails_holds_back_no_other_modules_work() {
        CatchUp catchUp = new CatchUp(transactions, Duration.ZERO);
        List<String> done = new ArrayList<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        catchUp.register("working", 1, () -> {
            done.add(transaction());
            return false;
        });
        catchUp.register("failing", 2, () -> {
            if (failing.get()) {
                throw new IllegalStateException("a module's step failed");
            }
            return false;
        });
        catchUp.committed();
        catchUp.await();

        assertThat(done).as("run in the shared transaction (rolled back), then on its own").hasSize(2);
        assertThat(done.get(1)).isNotEqualTo(done.get(0));

        failing.set(false);
        catchUp.committed();
        catchUp.await();
        assertThat(done).hasSize(3);
    }

    /** The transaction the step runs in (assigned an id for the question, as a step that writes is). */
    private String transaction() {
        return jdbc.queryForObject("select txid_current()::text", String.class);
    }
}
