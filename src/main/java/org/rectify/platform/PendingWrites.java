package org.rectify.platform;

import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

/**
 * The rows modules leave for after a command (the audit chain's pending records, the kept counts' pending changes),
 * written just before the command's transaction commits in one statement for all of them: each module's insert a
 * data-modifying {@code WITH} of its own (issue 14, Q4: a report's submission wrote its audit records and its kept
 * counts' change in two round trips, each ~0.2 ms of the request thread and ~0.05 ms of PostgreSQL). Each module still
 * builds only its own insert into its own tables; this class knows none of them. The statement is rendered once per
 * combination of the modules' shapes and kept; the values are bound. The transaction's COMMIT goes with it, in the same
 * round trip (a submission's fourth: 3.9 % of its request thread's samples under Q4, session 32), when nothing else is
 * left to run before the commit ({@link AfterCompletionOnly}); the transaction manager's commit then finds the
 * transaction ended and sends nothing (the driver's {@code commit()} does nothing on a connection outside a transaction).
 */
@Component
public class PendingWrites {

    /** Appended to the rows' statement: the driver sends both before it reads an answer. */
    private static final String COMMIT = "; commit";

    /**
     * A module's insert for this transaction: {@code key} names its shape (never a value), {@code statement} builds it
     * with {@code binds} bound in this order, and it returns something (a {@code WITH} part must: e.g. {@code returning 1}).
     */
    public record Rows(Object key, Supplier<? extends ResultQuery<?>> statement, List<?> binds) {
    }

    /**
     * A module's rows of this transaction, asked for once, just before it commits; null when it has none to add. A
     * module adds one writer per transaction, with all its rows in their order: the writers' statements run in no
     * promised order among themselves.
     */
    @FunctionalInterface
    public interface Writer {
        Rows rows();
    }

    private final DSLContext db;
    private final RenderedStatements statements;
    private final TransactionLocal<Collected> collected = new TransactionLocal<>(() -> {
        Collected c = new Collected();
        TransactionSynchronizationManager.registerSynchronization(c);
        return c;
    });

    PendingWrites(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /**
     * Adds a module's writer to the current transaction: its rows are written with the other modules' in one statement
     * just before the commit (after every other synchronization's, so what they record is in it), or not at all when
     * the transaction rolls back. An inner transaction of its own has its own writers.
     */
    public void add(Writer writer) {
        collected.get().writers.add(writer);
    }

    /** One transaction's writers, written by its synchronization. */
    private final class Collected implements TransactionSynchronization {
        final List<Writer> writers = new ArrayList<>(2);

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // a writer added from here on (by a writer, none so far) is not asked: the modules write what comes after
            // their rows were asked for themselves
            int asked = writers.size();
            List<Rows> rows = new ArrayList<>(asked);
            for (int i = 0; i < asked; i++) {
                Rows r = writers.get(i).rows();
                if (r != null) {
                    rows.add(r);
                }
            }
            write(rows, !readOnly && lastBeforeCompletion());
        }

        /**
         * Whether nothing runs between this synchronization's {@code beforeCommit} and the commit: a real transaction
         * (not a synchronization without one) whose other synchronizations all wait for its completion.
         */
        private boolean lastBeforeCompletion() {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return false;
            }
            for (TransactionSynchronization other : TransactionSynchronizationManager.getSynchronizations()) {
                if (other != this && !(other instanceof AfterCompletionOnly)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The rows in one statement: one module's insert as it is, several as the parts of one {@code WITH}; with
     * {@code commit}, the transaction's COMMIT sent with it.
     */
    private void write(List<Rows> rows, boolean commit) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> keys = new ArrayList<>(rows.size() + 1);
        keys.add(PendingWrites.class);
        for (Rows r : rows) {
            keys.add(r.key());
        }
        List<Object> binds = new ArrayList<>();
        for (Rows r : rows) {
            binds.addAll(r.binds());
        }
        String sql = statements.sqlWithBinds(keys, () -> statement(rows), binds);
        statements.execute(commit ? statements.text(List.of(keys, COMMIT), () -> sql + COMMIT) : sql, binds);
    }

    private ResultQuery<?> statement(List<Rows> rows) {
        if (rows.size() == 1) {
            return rows.get(0).statement().get();
        }
        // PostgreSQL runs every data-modifying WITH part once and to completion, read by the main query or not, in an
        // order it does not promise: each part is one module's rows of the transaction (see Writer), so none needs one
        List<CommonTableExpression<?>> parts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            parts.add(name("w" + i).as(rows.get(i).statement().get()));
        }
        return db.with(parts).select(inline(1));
    }
}
