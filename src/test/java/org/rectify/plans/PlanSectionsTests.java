package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a plan's section list forgets at a transaction's commit (the lists themselves: LedgerReadPathsTests). */
class PlanSectionsTests {

    @Test
    void an_intake_of_many_tasks_forgets_its_plans_lists_once_after_its_commit_not_once_per_task() {
        PlanSections sections = new PlanSections(null); // nothing is read here
        TransactionSynchronizationManager.initSynchronization();
        try {
            for (int i = 0; i < 200; i++) {
                sections.taskCreated(new TaskCreated(i, i % 2, "一(" + i + ")", "office", Instant.EPOCH));
            }
            sections.taskEdited(new TaskEdited(7, List.of("ref"), "office", Instant.EPOCH));
            assertThat(TransactionSynchronizationManager.getSynchronizations())
                    .as("the forgetting after the commit, and the binding of the transaction's plans").hasSize(2);
            TransactionSynchronizationUtils.triggerAfterCommit();
        } finally {
            TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
