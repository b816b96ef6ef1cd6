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

    /** The statement that sets it, to be sent ahead of another in the same round trip ({@link RenderedStatements}). */
    static Select<Record1<String>> statement(String name, String value) {
        return DSL.select(DSL.function("set_config", String.class, DSL.inline(name), DSL.inline(value), DSL.inline(true)));
    }
}
