package org.rectify.platform;

import org.jooq.DSLContext;
import org.jooq.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * A list's totals without counting a province's rows on every page, as the ledger counts its tasks: up to
 * {@link #EXACT_UP_TO} rows a total is counted exactly each time (a bounded count); a larger one is counted once per
 * key (a scope and filter) and kept until its owner says its data changed on this node ({@link #changed}), or for
 * {@link #KEEP} (another node's changes), and is shown as "about" that many ({@link Paged#shownTotal}). One request
 * counts a key at a time: the others asking meanwhile wait for its count, or, past the keep time, are served the kept
 * one ({@link KeptUntilChanged#once}). Once a key has been counted large, no page waits for its count again: after a
 * change or past the keep time, its last count is served, "about" as ever, while one count behind the pages reads it
 * anew ({@link #known}). Each module keeps its own, told of its own changes.
 */
public final class KeptTotals {

    public static final int EXACT_UP_TO = 2_000;
    public static final Duration KEEP = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(KeptTotals.class);

    /** One thread for the node's counts behind the pages: one large count at a time, beside the requests. */
    private static final Executor BEHIND = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kept-totals");
        thread.setDaemon(true);
        return thread;
    });

    /** A figure and whether it is "about" (large, and so kept a while). */
    public record Counted<T>(T value, boolean estimated) {
    }

    // a large figure past its keep time is served while one request computes it again (a total's last count is
    // served from lastLarge, below)
    private final KeptUntilChanged kept = new KeptUntilChanged(KEEP, MAX_ENTRIES, true);
    // each key's last large count, whatever changed since (the province's red tasks at 1,000,000: 2.2 s after every
    // change of a task on the node, issue 14), and the keys being counted behind the pages
    private final Map<Object, Long> lastLarge = new ConcurrentHashMap<>();
    private final Set<Object> countingBehind = ConcurrentHashMap.newKeySet();
    private final Executor behind;

    public KeptTotals() {
        this(BEHIND);
    }

    /** {@code behind} runs the counts behind the pages (a test's runs them when it says). */
    KeptTotals(Executor behind) {
        this.behind = behind;
    }

    /** The number of rows of {@code rows}; {@code key} names its scope and filter (and so its SQL). */
    public Counted<Long> count(DSLContext db, Object key, Select<?> rows) {
        return count(key, () -> counted(db, db.selectOne().from(rows.asTable("rows")).limit(EXACT_UP_TO + 1)),
                () -> counted(db, rows));
    }

    /**
     * A total from its two counts: {@code bounded} counts at most {@link #EXACT_UP_TO} + 1 rows, {@code all} every row,
     * and runs only when the bounded count says the set is large.
     */
    public Counted<Long> count(Object key, LongSupplier bounded, LongSupplier all) {
        Counted<Long> known = known(key, all);
        if (known != null) {
            return known;
        }
        long before = kept.generation();
        return fromBounded(key, bounded.getAsLong(), before, all);
    }

    /**
     * The large total kept for the key, or null: a large set counted moments ago is still large, so its pages need no
     * bounded count (2,001 rows read) on each. A key counted large before a change, or past the keep time, is served
     * its last count while {@code all} counts it again behind the pages; the page after that count is served it (or,
     * if the set has become small, counts it exactly).
     */
    public Counted<Long> known(Object key, LongSupplier all) {
        Long known = kept.fresh(key);
        if (known != null) {
            return known > EXACT_UP_TO ? new Counted<>(known, true) : null;
        }
        Long last = lastLarge.get(key);
        if (last == null) {
            return null;
        }
        countBehind(key, all);
        return new Counted<>(last, true);
    }

    private void countBehind(Object key, LongSupplier all) {
        if (!countingBehind.add(key)) {
            return; // one count of a key at a time
        }
        long generation = kept.generation();
        try {
            behind.execute(() -> {
                try {
                    counted(key, generation, all);
                } catch (RuntimeException e) {
                    log.warn("A count behind the pages failed ({}); the next page asks again", e.toString());
                } finally {
                    countingBehind.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            countingBehind.remove(key);
        }
    }

    /** Every row of a large set counted (once at a time) and kept, as its last count too unless it has become small. */
    private long counted(Object key, long generation, LongSupplier all) {
        long n = kept.once(key, generation, all::getAsLong, v -> true);
        if (n <= EXACT_UP_TO) {
            lastLarge.remove(key);
        } else {
            if (lastLarge.size() >= MAX_ENTRIES) {
                lastLarge.clear();
            }
            lastLarge.put(key, n);
        }
        return n;
    }

    /** The generation to read a bounded count at: pass it to {@link #fromBounded} with the count. */
    public long generation() {
        return kept.generation();
    }

    /**
     * A total from a bounded count read at {@code generation} (by its own statement or as a column of the page's): the
     * count itself when small (exact, not kept), else {@code all} counted and kept.
     */
    public Counted<Long> fromBounded(Object key, long bounded, long generation, LongSupplier all) {
        if (bounded <= EXACT_UP_TO) {
            return new Counted<>(bounded, false);
        }
        return new Counted<>(counted(key, generation, all), true);
    }

    /** Any figure computed once per key and kept like a large total, whatever its size. */
    public <T> T cached(Object key, Supplier<T> compute) {
        return kept.get(key, compute);
    }

    /**
     * The rows of {@code select} counted, its values inline: a scope's unit path bound as a parameter lets PostgreSQL
     * switch to a generic plan after five runs on a connection, which cannot know that the province's path matches
     * everything (measured: the root's notices counted in 600 ms instead of 12).
     */
    public static long counted(DSLContext db, Select<?> select) {
        Object n = db.resultQuery(db.renderInlined(db.selectCount().from(select.asTable("counted")))).fetchOne(0);
        return ((Number) n).longValue();
    }

    /**
     * A figure over many rows (counts by group): kept when {@code size} says it is large, as {@link #count} keeps a large
     * total; a small one is computed again each time, exact.
     */
    public <T> Counted<T> figure(Object key, Supplier<T> compute, ToLongFunction<T> size) {
        T known = kept.fresh(key);
        if (known != null) {
            return new Counted<>(known, true);
        }
        T value = kept.once(key, kept.generation(), compute, v -> size.applyAsLong(v) > EXACT_UP_TO);
        return new Counted<>(value, size.applyAsLong(value) > EXACT_UP_TO);
    }

    /** The owner's data changed in this transaction ({@link KeptUntilChanged#changed}). */
    public void changed() {
        kept.changed();
    }
}
