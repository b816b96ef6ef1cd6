package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.platform.RenderedStatements;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.rectify.platform.KeptTotals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.jooq.impl.DSL.field;

/**
 * How many tasks a ledger filter finds (other than a filter of statuses alone, which {@link TaskStatusCounts} answers
 * from kept rows), without counting a province's tasks on every page: a list's totals
 * ({@link KeptTotals}) told of every change to a task, so a large set is counted once per scope and filter and kept
 * until a task changes on this node, or for {@link KeptTotals#KEEP} (another node's changes), and is shown as "about"
 * that many; while it is kept, its pages skip the bounded count too, and after, they are served its last count while
 * it is counted again behind them. A smaller set is counted exactly on every page,
 * in the page's own statement ({@link #boundedColumn}).
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
     * {@code key} names the scope and filter they came from (the tasks, whatever their order), {@code shape} what the
     * statement is built from (a filter sorted by deadline reads V45's rows, the same set another sort reads from task).
     */
    KeptTotals.Counted<Long> count(Object key, Object shape, Table<?> from, Condition where) {
        return kept.count(key, () -> db.resultQuery(statements.sql(List.of("bounded", shape), () -> bounded(from, where)))
                .fetchOne(0, long.class), all(from, where));
    }

    /**
     * The large total kept for the key, or its last count while the tasks matching {@code where} are counted again
     * behind the pages ({@link KeptTotals#known}); null when neither: its page counts.
     */
    KeptTotals.Counted<Long> known(Object key, Table<?> from, Condition where) {
        return kept.known(key, all(from, where));
    }

    /** The generation to read a bounded count at ({@link #boundedColumn}), for {@link #fromBounded}. */
    long generation() {
        return kept.generation();
    }

    /**
     * The bounded count as a column of the page's own statement: a county's and unit staff's pages (sets under
     * {@link #EXACT_UP_TO}, never kept) read their rows and their exact total in one statement rather than two, from
     * one snapshot, and no count is kept in a node's memory for it (DESIGN: nothing another node may need).
     */
    Field<Integer> boundedColumn(Table<?> from, Condition where) {
        return field(bounded(from, where)).as("bounded");
    }

    /** A total from a bounded count read at {@code generation}: exact when small, else counted in full and kept. */
    KeptTotals.Counted<Long> fromBounded(Object key, long bounded, long generation, Table<?> from, Condition where) {
        return kept.fromBounded(key, bounded, generation, all(from, where));
    }

    /** Every row matching counted: a large total's count, on a request or behind the pages. */
    private LongSupplier all(Table<?> from, Condition where) {
        return () -> db.fetchCount(from, where);
    }

    /** How many rows match, counting at most {@link #EXACT_UP_TO} + 1 of them. */
    private Select<Record1<Integer>> bounded(Table<?> from, Condition where) {
        return db.selectCount().from(db.selectOne().from(from).where(where).limit(EXACT_UP_TO + 1));
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
