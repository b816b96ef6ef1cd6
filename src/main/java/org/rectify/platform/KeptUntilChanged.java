package org.rectify.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values read from the database and kept on this node until their owner says the rows changed ({@link #changed}) or
 * for a short while (another node's changes, which this node does not hear of). A value read while a change was under
 * way is not served after it: each is kept with the generation it was read at.
 */
public final class KeptUntilChanged {

    private record Entry(Object value, long generation, long at) {
    }

    private final Duration keep;
    private final int maxEntries;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Entry> kept = new ConcurrentHashMap<>();

    public KeptUntilChanged(Duration keep, int maxEntries) {
        this.keep = keep;
        this.maxEntries = maxEntries;
    }

    /** The value kept for the key, or {@code load}'s, kept unless null (or keeping is off). */
    public <T> T get(Object key, Supplier<T> load) {
        T known = fresh(key);
        if (known != null) {
            return known;
        }
        long before = generation();
        T value = load.get();
        if (value != null) {
            keep(key, value, before);
        }
        return value;
    }

    /** The value kept for the key if nothing changed since it was read and it is younger than the keep time. */
    @SuppressWarnings("unchecked")
    public <T> T fresh(Object key) {
        Entry entry = kept.get(key);
        // a cache's age, not the application's time (which a replay or a test may move)
        return entry != null && entry.generation() == generation.get() && System.nanoTime() - entry.at() < keep.toNanos()
                ? (T) entry.value() : null;
    }

    /** The generation to read a value at: pass it to {@link #keep} with what was read. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a value read at {@code generation}: a change meanwhile makes it stale at once. */
    public void keep(Object key, Object value, long generation) {
        if (keep.isZero()) {
            return;
        }
        if (kept.size() >= maxEntries) {
            kept.clear();
        }
        kept.put(key, new Entry(value, generation, System.nanoTime()));
    }

    /**
     * The owner's rows changed in this transaction: nothing kept before is served again on this node, and again once
     * it commits (a value another request read meanwhile saw the rows before it). A synchronization, not a
     * transactional listener, which the event registry would record for each change.
     */
    public void changed() {
        dropAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropAll();
                }
            });
        }
    }

    private void dropAll() {
        generation.incrementAndGet();
        kept.clear();
    }
}
