package org.rectify.insight.internal;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures' version moves after the commit of the transaction that changed the facts, and only then. */
@IntegrationTest
class FiguresVersionTests {

    @Autowired
    FiguresVersion version;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_change_in_an_inner_transaction_of_its_own_moves_the_version_at_its_commit_though_the_outer_rolls_back() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long before = version.current();
        long[] inside = new long[2];
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            version.changed();
            inside[0] = version.current();
            inner.executeWithoutResult(s -> version.changed());
            inside[1] = version.current();
            outer.setRollbackOnly();
        });

        assertThat(inside[0]).as("not before a commit").isEqualTo(before);
        assertThat(inside[1]).as("moved by the inner transaction's commit").isGreaterThan(before);
    }

    @Test
    void a_transaction_that_commits_moves_the_version_after_its_commit() {
        long before = version.current();
        long[] inside = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            version.changed();
            version.changed();
            inside[0] = version.current();
        });

        assertThat(inside[0]).as("not before the commit").isEqualTo(before);
        assertThat(version.current()).isGreaterThan(before);
    }
}
