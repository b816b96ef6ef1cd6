package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The rows modules leave for after a command, written in one statement just before its transaction commits (issue 14,
 * Q4): with the transaction they belong to, never with an outer or inner one, and not at all when it rolls back. The
 * COMMIT goes with them only when nothing else may run before it: their transaction stays one.
 */
@IntegrationTest
class PendingWritesTests {

    /** A command's fact as a test publishes it: the audit chain's pending rows go through {@link PendingWrites}. */
    record Probe(String actor, String auditAction, String auditObject) implements Audited {
    }

    @Autowired
    PendingWrites pendingWrites;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    AuditLog log;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_inner_transaction_of_its_own_commits_its_rows_and_the_outer_ones_roll_back_with_the_outer() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            events.publishEvent(new Probe("测试员", "probe.outer", "probe:pw-outer-1"));
            inner.executeWithoutResult(s -> events.publishEvent(new Probe("测试员", "probe.inner", "probe:pw-inner")));
            events.publishEvent(new Probe("测试员", "probe.outer", "probe:pw-outer-2"));
            outer.setRollbackOnly();
        });
        log.awaitLinked();

        assertThat(log.of("probe:pw-inner")).hasSize(1);
        assertThat(log.of("probe:pw-outer-1")).isEmpty();
        assertThat(log.of("probe:pw-outer-2")).isEmpty();
    }

    @Test
    void an_outer_transaction_that_commits_writes_its_rows_before_and_after_an_inner_one_together() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            events.publishEvent(new Probe("测试员", "probe.outer", "probe:pw-both-1"));
            inner.executeWithoutResult(s -> events.publishEvent(new Probe("测试员", "probe.inner", "probe:pw-both-inner")));
            events.publishEvent(new Probe("测试员", "probe.outer", "probe:pw-both-2"));
        });
        log.awaitLinked();

        long inner1 = single("probe:pw-both-inner").seq();
        long outer1 = single("probe:pw-both-1").seq();
        long outer2 = single("probe:pw-both-2").seq();
        // (the outer's records before and after the inner transaction are one group: neighbours in the chain)
        assertThat(outer2).as("in the order published").isEqualTo(outer1 + 1);
        assertThat(inner1).as("the inner one committed first").isLessThan(outer1);
    }

    @Test
    void several_writers_rows_are_written_each_writer_asked_once_at_the_commit_and_one_without_rows_adds_nothing() {
        List<String> asked = new ArrayList<>();
        var pending = table(name("audit_pending"));
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (String object : List.of("probe:pw-w1", "probe:pw-w2")) {
                List<Object> binds = List.of(UUID.nameUUIDFromBytes(object.getBytes()), OffsetDateTime.now(), "测试员",
                        "probe.writer", object, "{}");
                pendingWrites.add(() -> {
                    asked.add(object);
                    return new PendingWrites.Rows(List.of("pending-writes-test", object), () -> db.insertInto(pending,
                                    field(name("grp")), field(name("at")), field(name("actor")), field(name("action")),
                                    field(name("object")), field(name("change")))
                            .values(binds).returningResult(inline(1)), binds);
                });
            }
            pendingWrites.add(() -> {
                asked.add("none");
                return null;
            });
            assertThat(asked).as("not before the commit").isEmpty();
        });
        log.awaitLinked();

        assertThat(asked).containsExactly("probe:pw-w1", "probe:pw-w2", "none");
        // both committed (pending, or linked by a step since), in no promised order between two writers
        assertThat(jdbc.queryForList("""
                select object from (select object from audit_pending union all select object from audit_entry) r
                where object like 'probe:pw-w_'""", String.class))
                .containsExactlyInAnyOrder("probe:pw-w1", "probe:pw-w2");
    }

    @Test
    void rows_that_fail_leave_nothing_of_their_transaction_though_its_commit_was_sent_with_them() {
        var pending = table(name("audit_pending"));
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(new Probe("测试员", "probe.failing", "probe:pw-fail-before"));
            List<Object> binds = Arrays.asList(UUID.randomUUID(), OffsetDateTime.now(), null /* actor: not null */,
                    "probe.failing", "probe:pw-fail", "{}");
            pendingWrites.add(() -> new PendingWrites.Rows("pending-writes-test-failing", () -> db.insertInto(pending,
                    field(name("grp")), field(name("at")), field(name("actor")), field(name("action")), field(name("object")),
                    field(name("change"))).values(binds).returningResult(inline(1)), binds));
        })).isInstanceOf(DataIntegrityViolationException.class);
        log.awaitLinked();

        assertThat(written("probe:pw-fail-before")).as("the transaction's other rows").isZero();
        // and the connection it ran on serves the next transaction as usual
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new Probe("测试员", "probe.after", "probe:pw-fail-after")));
        log.awaitLinked();
        assertThat(log.of("probe:pw-fail-after")).hasSize(1);
    }

    @Test
    void a_synchronization_that_may_still_write_before_the_commit_keeps_the_commit_apart_and_its_failure_rolls_the_rows_back() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(new Probe("测试员", "probe.later", "probe:pw-later"));
            // registered after the pending rows' own, at the same order: its beforeCommit runs after them
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    assertThat(jdbc.queryForObject("select count(*) from audit_pending where object = 'probe:pw-later'",
                            Long.class)).as("written, not yet committed").isEqualTo(1);
                    throw new IllegalStateException("refused before the commit");
                }
            });
        })).hasMessage("refused before the commit");
        log.awaitLinked();

        assertThat(written("probe:pw-later")).as("rolled back with the transaction, not committed before it").isZero();
    }

    /** The records of {@code object} committed: waiting to be linked or in the chain. */
    private long written(String object) {
        return jdbc.queryForObject("""
                select count(*) from (select object from audit_pending union all select object from audit_entry) r
                where object = ?""", Long.class, object);
    }

    private AuditEntry single(String object) {
        List<AuditEntry> entries = log.of(object);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
