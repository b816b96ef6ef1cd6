package org.rectify.platform;

import org.springframework.transaction.support.TransactionSynchronization;

/**
 * A transaction synchronization that does nothing before its transaction completes (no {@code beforeCommit}, no
 * {@code beforeCompletion}): its work waits for the commit or the rollback. {@link PendingWrites} sends a transaction's
 * COMMIT with its pending rows only when every other synchronization of the transaction says this of itself, since
 * whatever ran between the rows and the commit would no longer be part of the transaction.
 */
public interface AfterCompletionOnly extends TransactionSynchronization {
}
