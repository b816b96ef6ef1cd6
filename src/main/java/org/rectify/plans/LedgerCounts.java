package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.rectify.platform.KeptTotals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

/**
 * How many tasks a ledger filter finds, without counting a province's tasks on every page: a list's totals
 * ({@link KeptTotals}) told of every change to a task, so a large set is counted once per scope and filter and kept
 * until a task changes on this node, or for {@link KeptTotals#KEEP} (another node's changes), and is shown as "about"
 * that many; while it is kept, its pages skip the bounded count too.
 */
@Component
class LedgerCounts {

    static final int EXACT_UP_TO = KeptTotals.EXACT_UP_TO;

    private final DSLContext db;
    private final RenderedStatements statements;
    private final KeptTotals kept = new KeptTotals();

    LedgerCounts(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /**
     * The tasks matching {@code where} in {@code from} (the task table, or V45's open reach with or without it);
     * {@code key} names the scope and filter they came from (and so the SQL).
     */
    KeptTotals.Counted<Long> count(Object key, Table<?> from, Condition where) {
        return kept.count(key, () -> db.resultQuery(statements.sql(List.of("bounded", key),
                        () -> db.selectCount().from(db.selectOne().from(from).where(where).limit(EXACT_UP_TO + 1))))
                .fetchOne(0, long.class), () -> db.fetchCount(from, where));
    }

    /** Any figure computed once per key, kept like the large counts. */
    <T> T cached(Object key, Supplier<T> compute) {
        return kept.cached(key, compute);
    }

    @EventListener({TaskCreated.class, TaskEdited.class, TaskTransitioned.class})
    void taskChanged() {
        kept.changed();
    }
}
