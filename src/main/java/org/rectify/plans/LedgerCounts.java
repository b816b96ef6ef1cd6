package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How many tasks a ledger filter finds, without counting a province's tasks on every page: up to
 * {@link #EXACT_UP_TO} they are counted exactly each time (a bounded count); a larger set is counted once per
 * scope and filter and kept until a task changes on this node, or for {@link #KEEP} (another node's changes), and
 * is shown as "about" that many; while it is kept, its pages skip the bounded count too.
 */
@Component
class LedgerCounts {

    static final int EXACT_UP_TO = 2_000;
    static final Duration KEEP = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    /** A count, and whether it came from the cache (and so may be a little behind). */
    record Counted(long value, boolean estimated) {
    }

    private record Entry<T>(T value, long generation, long at) {
    }

    private final DSLContext db;
    private final RenderedStatements statements;
    private final Map<Object, Entry<?>> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    LedgerCounts(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /**
     * The tasks matching {@code where} in {@code from} (the task table, or V45's open reach with or without it);
     * {@code key} names the scope and filter they came from (and so the SQL).
     */
    Counted count(Object key, Table<?> from, Condition where) {
        // a large set counted moments ago is still large: no bounded count (2,001 rows read) on each of its pages
        Long known = fresh(key);
        if (known != null && known > EXACT_UP_TO) {
            return new Counted(known, true);
        }
        int bounded = db.resultQuery(statements.sql(List.of("bounded", key),
                () -> db.selectCount().from(db.selectOne().from(from).where(where).limit(EXACT_UP_TO + 1)))).fetchOne(0, int.class);
        if (bounded <= EXACT_UP_TO) {
            return new Counted(bounded, false);
        }
        return new Counted(cached(key, () -> (long) db.fetchCount(from, where)), true);
    }

    /** Any figure computed once per key, kept like the large counts. */
    @SuppressWarnings("unchecked")
    <T> T cached(Object key, Supplier<T> compute) {
        long current = generation.get();
        long at = System.nanoTime(); // a cache's age, not the application's time (which a replay or a test may move)
        T kept = (T) fresh(key);
        if (kept != null) {
            return kept;
        }
        T value = compute.get();
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry<>(value, current, at));
        return value;
    }

    /** The figure kept for the key, if no task changed on this node since and it is younger than {@link #KEEP}. */
    @SuppressWarnings("unchecked")
    private <T> T fresh(Object key) {
        Entry<?> entry = cache.get(key);
        return entry != null && entry.generation() == generation.get() && System.nanoTime() - entry.at() < KEEP.toNanos()
                ? (T) entry.value() : null;
    }

    @EventListener({TaskCreated.class, TaskEdited.class, TaskTransitioned.class})
    void taskChanged() {
        generation.incrementAndGet();
        // and again once the change is committed: a figure another request computed meanwhile read the rows before it
        // (a synchronization, not a transactional listener, which the event registry would record for each change)
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
