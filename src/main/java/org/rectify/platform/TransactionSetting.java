package org.rectify.platform;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A PostgreSQL setting for the rest of the current transaction alone ({@code set_config}'s third argument): a
 * statement planned another way than the server's default (no parallel workers, a plan for its own values), which ends
 * with its transaction and so never leaks to the next use of the pooled connection.
 */
public final class TransactionSetting {

    private TransactionSetting() {
    }

    /** Sets {@code name} to {@code value} until the current transaction ends. */
    public static void set(DSLContext db, String name, String value) {
        db.fetch(statement(name, value));
    }

    /**
     * The rest of the current transaction planned without parallel workers: on two cores their start, and each reading
     * on for rows of its own, cost more than they shared for the statements that use this (an index walked in order
     * until a page is full, a count on every page: sessions 35-37 measured each at its caller).
     */
    public static void withoutParallelWorkers(DSLContext db) {
        db.fetch(withoutParallelWorkers());
    }

    /** {@link #withoutParallelWorkers(DSLContext)}'s statement, to be sent ahead of another ({@link RenderedStatements}). */
    static Select<Record1<String>> withoutParallelWorkers() {
        return statement("max_parallel_workers_per_gather", "0");
    }

    /** The statement that sets it, to be sent ahead of another in the same round trip ({@link RenderedStatements}). */
    static Select<Record1<String>> statement(String name, String value) {
        return DSL.select(DSL.function("set_config", String.class, DSL.inline(name), DSL.inline(value), DSL.inline(true)));
    }
}
