package org.rectify;

import org.springframework.transaction.support.TransactionOperations;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A run of a job (a reminder sweep, an outbox send) as the stimulus of Spring Modulith's {@code Scenario}, called as
 * the scheduler calls it: it commits on its own, Scenario's transaction is left unused (see {@link ClientRequest}).
 * Use: {@code scenario.stimulate(JobRun.of(() -> reminders.sweep(day)))}.
 */
public final class JobRun {

    private JobRun() {
    }

    public static <T> Function<TransactionOperations, T> of(Callable<T> run) {
        return ClientRequest.sent(run);
    }
}
