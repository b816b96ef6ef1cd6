package org.rectify.audit;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.platform.Audited;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskHistoryEntry;
import org.rectify.plans.TaskLedger;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditChainTests {

    /** A command's fact as a test publishes it, to exercise the chain without a module's rules. */
    record Probe(String actor, String auditAction, String auditObject, String note) implements Audited {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    TaskLedger ledger;
    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    @Test
    void a_task_command_appends_an_entry_with_the_actor_time_and_reason_of_the_task_history() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "审计测试方案");
        long taskId = tasks.draft("审计链任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.of(2031, 6, 30));
        TestTasks.command(mvc, taskId, "ASSIGN");

        List<AuditEntry> entries = log.of("task:" + taskId);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("task.created", "task.transitioned");
        AuditEntry assigned = entries.get(1);
        TaskDetail task = ledger.get(taskId, DataScope.ALL);
        TaskHistoryEntry history = task.history().stream().filter(h -> h.action().equals("ASSIGN")).findFirst().orElseThrow();
        assertThat(assigned.actor()).isEqualTo(history.actor()).contains("临沧市");
        assertThat(assigned.at()).isEqualTo(history.occurredAt().toInstant());
        assertThat(assigned.change()).contains("\"reason\":\"测试\"").contains("\"to\":\"ASSIGNED\"");
        assertThat(assigned.digest()).isEqualTo(AuditHash.sha256(assigned.change()));

        AuditEntry before = log.latest(assigned.seq(), 1).get(0);
        assertThat(before.seq()).isEqualTo(assigned.seq() - 1);
        assertThat(assigned.prevHash()).isEqualTo(before.hash());
        assertThat(assigned.hash()).isEqualTo(assigned.recomputedHash());
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_command_that_rolls_back_leaves_no_entry() {
        long before = log.count();
        assertThatThrownBy(() -> tx().executeWithoutResult(status -> {
            events.publishEvent(new Probe("测试员", "probe.rolled-back", "probe:1", "never committed"));
            throw new IllegalStateException("the command fails after publishing");
        })).isInstanceOf(IllegalStateException.class);
        tx().executeWithoutResult(status -> {
            events.publishEvent(new Probe("测试员", "probe.rolled-back", "probe:2", "rolled back"));
            status.setRollbackOnly();
        });

        assertThat(log.count()).isEqualTo(before);
        assertThat(log.of("probe:1")).isEmpty();
        assertThat(log.of("probe:2")).isEmpty();
    }

    @Test
    void an_entry_left_unlinked_by_a_crash_after_its_commit_joins_the_chain_with_the_next_command() {
        jdbc.update("""
                insert into audit_pending (grp, at, actor, action, object, change)
                values (gen_random_uuid(), now(), '测试员', 'probe.left', 'probe:left', '{"note":"committed, not linked"}')""");
        tx().executeWithoutResult(s -> events.publishEvent(new Probe("测试员", "probe.next", "probe:next", "next")));

        List<AuditEntry> left = log.of("probe:left");
        assertThat(left).hasSize(1);
        assertThat(log.of("probe:next")).extracting(AuditEntry::seq).containsExactly(left.get(0).seq() + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void two_threads_appending_at_once_keep_the_chain_a_line() throws Exception {
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String thread : List.of("a", "b")) {
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        tx().executeWithoutResult(status -> {
                            events.publishEvent(new Probe("线程" + thread, "probe.concurrent", "probe:" + thread, "1/" + n));
                            events.publishEvent(new Probe("线程" + thread, "probe.concurrent", "probe:" + thread, "2/" + n));
                        });
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<AuditEntry> a = log.of("probe:a");
        List<AuditEntry> b = log.of("probe:b");
        assertThat(a).hasSize(2 * perThread);
        assertThat(b).hasSize(2 * perThread);
        // one transaction's two entries are neighbours: appends of different transactions never interleave
        for (List<AuditEntry> entries : List.of(a, b)) {
            for (int i = 0; i < entries.size(); i += 2) {
                assertThat(entries.get(i + 1).seq()).isEqualTo(entries.get(i).seq() + 1);
            }
        }
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
        assertThat(v.entries()).isEqualTo(log.count());
    }

    @Test
    void eight_commands_committing_at_once_find_their_entries_in_the_log_as_they_return_and_the_chain_stays_verifiable() throws Exception {
        int threads = 8;
        int perThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thread = "g" + t;
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String object = "probe:" + thread + "/" + i;
                        tx().executeWithoutResult(status -> {
                            events.publishEvent(new Probe("线程" + thread, "probe.group", object, "1"));
                            events.publishEvent(new Probe("线程" + thread, "probe.group", object, "2"));
                        });
                        // linked by the node's linker after the command returned: the log waits for its step
                        List<AuditEntry> mine = log.of(object);
                        assertThat(mine).as(object).hasSize(2);
                        assertThat(mine.get(1).seq()).as(object).isEqualTo(mine.get(0).seq() + 1);
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'probe.group'", Integer.class))
                .isEqualTo(2 * threads * perThread);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
        assertThat(v.entries()).isEqualTo(log.count());
    }

    @Test
    void each_command_writes_its_own_records_whether_few_through_the_kept_statement_or_many_built_afresh() {
        // two commands of the same number of records share one rendered statement: each must bind its own values
        for (String n : List.of("1", "2")) {
            tx().executeWithoutResult(s -> {
                for (int i = 0; i < 3; i++) {
                    events.publishEvent(new Probe("测试员" + n, "probe.kept", "probe:kept-" + n, "记录 " + n + "/" + i));
                }
            });
        }
        tx().executeWithoutResult(s -> {
            for (int i = 0; i < 20; i++) { // more than a kept statement takes
                events.publishEvent(new Probe("测试员", "probe.many", "probe:many", "记录 " + i));
            }
        });

        for (String n : List.of("1", "2")) {
            List<AuditEntry> kept = log.of("probe:kept-" + n);
            assertThat(kept).extracting(AuditEntry::actor).containsOnly("测试员" + n);
            assertThat(kept).extracting(AuditEntry::change).hasSize(3)
                    .allSatisfy(c -> assertThat(c).contains("记录 " + n + "/"));
        }
        List<AuditEntry> many = log.of("probe:many");
        assertThat(many).hasSize(20);
        assertThat(many.get(many.size() - 1).seq() - many.get(0).seq()).isEqualTo(19); // neighbours in the chain
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
    }

    @Test
    void link_steps_of_the_same_number_of_entries_each_chain_their_own_and_a_step_beyond_the_kept_statements_too() {
        // a step links what is pending: records left by "crashed" commands (committed, not linked) are linked with the
        // next command's. Two steps of three entries share one rendered insert; a step of 70 is built afresh
        for (String n : List.of("1", "2")) {
            leavePending("probe:left-" + n, 2);
            tx().executeWithoutResult(s -> events.publishEvent(new Probe("测试员" + n, "probe.next", "probe:next-" + n, "next " + n)));
        }
        leavePending("probe:left-many", 69);
        tx().executeWithoutResult(s -> events.publishEvent(new Probe("测试员", "probe.next", "probe:next-many", "next many")));

        for (String n : List.of("1", "2")) {
            List<AuditEntry> left = log.of("probe:left-" + n);
            assertThat(left).extracting(AuditEntry::change).containsExactly("{\"note\":\"left 0\"}", "{\"note\":\"left 1\"}");
            assertThat(log.of("probe:next-" + n)).extracting(AuditEntry::seq).containsExactly(left.get(1).seq() + 1);
            assertThat(log.of("probe:next-" + n)).extracting(AuditEntry::actor).containsExactly("测试员" + n);
        }
        List<AuditEntry> many = log.of("probe:left-many");
        assertThat(many).hasSize(69);
        assertThat(many.get(68).seq() - many.get(0).seq()).isEqualTo(68);
        assertThat(log.of("probe:next-many")).extracting(AuditEntry::seq).containsExactly(many.get(68).seq() + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
        assertThat(v.entries()).isEqualTo(log.count());
    }

    /**
     * Issue 14, Q4: a command answers without linking its records; the node's linker links them on its own, with no
     * reader asking, within moments, and the chain it extends verifies.
     */
    @Test
    void the_nodes_linker_links_a_commands_records_after_it_returned_without_a_reader_asking() throws Exception {
        tx().executeWithoutResult(s -> {
            events.publishEvent(new Probe("测试员", "probe.background", "probe:background", "1"));
            events.publishEvent(new Probe("测试员", "probe.background", "probe:background", "2"));
        });
        String linked = "select count(*) from audit_entry where object = 'probe:background'";
        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject(linked, Integer.class) < 2 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(jdbc.queryForObject(linked, Integer.class)).as("linked by the linker thread").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending where object = 'probe:background'", Integer.class)).isZero();
        List<AuditEntry> entries = log.of("probe:background");
        assertThat(entries.get(1).seq()).isEqualTo(entries.get(0).seq() + 1);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
    }

    /**
     * A link statement takes the oldest 5,000 pending records (issue 14, session 28: no longer the oldest commands'
     * groups, which planned a scan of the queue per group); a command cut by that line still joins the chain whole,
     * before a command that began after it, whose record lies between its own.
     */
    @Test
    void a_command_whose_records_straddle_a_link_steps_5000_stays_whole_in_the_chain_before_a_later_command() {
        // as crashed commands leave them: 4,999 records of one, then one of "straddling", one of "later", and the
        // straddling command's other nine; in one transaction, so that the node's linker sees them all or none
        tx().executeWithoutResult(s -> {
            jdbc.update("""
                    insert into audit_pending (grp, at, actor, action, object, change)
                    select md5('probe:bulk')::uuid, now(), '测试员', 'probe.left', 'probe:bulk', '{"n":' || n || '}'
                    from generate_series(1, 4999) n""");
            leavePending("probe:straddling", 1);
            leavePending("probe:later", 1);
            leavePending("probe:straddling", 9);
        });

        tx().executeWithoutResult(s -> events.publishEvent(new Probe("测试员", "probe.next", "probe:after-straddling", "next")));

        List<AuditEntry> bulk = log.of("probe:bulk");
        List<AuditEntry> straddling = log.of("probe:straddling");
        List<AuditEntry> later = log.of("probe:later");
        assertThat(bulk).hasSize(4999);
        assertThat(straddling).hasSize(10);
        assertThat(straddling.get(9).seq() - straddling.get(0).seq()).as("neighbours in the chain").isEqualTo(9);
        assertThat(straddling.get(0).seq()).isEqualTo(bulk.get(4998).seq() + 1);
        assertThat(later).extracting(AuditEntry::seq).containsExactly(straddling.get(9).seq() + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
    }

    /** Records of one command committed to audit_pending and not linked, as a crash between the two leaves them. */
    private void leavePending(String object, int records) {
        for (int i = 0; i < records; i++) {
            jdbc.update("insert into audit_pending (grp, at, actor, action, object, change) values (md5(?)::uuid, now(), "
                    + "'测试员', 'probe.left', ?, ?)", object, object, "{\"note\":\"left " + i + "\"}");
        }
    }
}
