package org.rectify;

import org.springframework.transaction.support.TransactionOperations;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A request (MockMvc) as the stimulus of Spring Modulith's {@code Scenario}, sent as a client sends it: it commits on
 * its own and Scenario's transaction is left unused, since a refused request rolls back and a command's after-commit
 * listeners would not run inside it. Use: {@code scenario.stimulate(ClientRequest.sent(() -> give(task)))}.
 */
public final class ClientRequest {

    private ClientRequest() {
    }

    /** The request's result (e.g. the id it was about) becomes the stimulus's; a failed expectation fails the test. */
    public static <T> Function<TransactionOperations, T> sent(Callable<T> request) {
        return unused -> {
            try {
                return request.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }
}
