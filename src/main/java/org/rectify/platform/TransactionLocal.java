package org.rectify.platform;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value per transaction, as a {@code ThreadLocal} is per thread: made at its first use in a transaction and kept for
 * that transaction only. An inner transaction of its own ({@code REQUIRES_NEW}) gets its own value, and the outer's is
 * back when the inner one ends: what a module collects for a commit (its pending rows) goes with the transaction it
 * belongs to, and a module has one collection per transaction.
 */
public final class TransactionLocal<T> {

    private final Supplier<T> make;

    /** {@code make} makes a transaction's value; it may register the transaction's synchronizations. */
    public TransactionLocal(Supplier<T> make) {
        this.make = make;
    }

    /**
     * A value per transaction handed to {@code onCommit} once, after that transaction commits: what a module collects
     * (or only notes) in a transaction and acts on when it is committed.
     */
    public static <T> TransactionLocal<T> afterCommit(Supplier<T> make, Consumer<T> onCommit) {
        return new TransactionLocal<>(() -> {
            T value = make.get();
            AfterCommit.run(() -> onCommit.accept(value));
            return value;
        });
    }

    /** This transaction's value; made now if it has none. Needs an active transaction synchronization. */
    @SuppressWarnings("unchecked")
    public T get() {
        T bound = (T) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        T fresh = make.get();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new Binding(fresh));
        return fresh;
    }

    /** Unbinds the value while an inner transaction of its own runs, and for good when its transaction ends. */
    private final class Binding implements AfterCompletionOnly {
        private final T value;

        Binding(T value) {
            this.value = value;
        }

        @Override
        public void suspend() {
            unbind();
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionLocal.this, value);
        }

        @Override
        public void afterCompletion(int status) {
            unbind();
        }

        private void unbind() {
            if (TransactionSynchronizationManager.getResource(TransactionLocal.this) == value) {
                TransactionSynchronizationManager.unbindResource(TransactionLocal.this);
            }
        }
    }
}
