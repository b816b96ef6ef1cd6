package org.rectify.platform;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must see a change committed before it runs: a cache dropped, a rebuild begun, another thread told. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} once the current transaction commits (never if it rolls back); at once outside a transaction. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new AfterCompletionOnly() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
