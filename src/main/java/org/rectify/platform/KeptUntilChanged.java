package org.rectify.platform;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values read from the database and kept on this node until their owner says the rows changed ({@link #changed}) or
 * for a short while (another node's changes, which this node does not hear of). A value read while a change was under
 * way is not served after it: each is kept with the generation it was read at. A key is read by one request at a time
 * ({@link #once}); with {@code servedWhileReread}, a value past its keep time is still served to the others while one
 * request reads it again (a province's total is one count of its rows: eight requests at once made it eight, every
 * {@code keep}, issue 14).
 */
public final class KeptUntilChanged {

    /** How long a request waits for another's read of the same key before reading it itself (a pool run dry). */
    static final Duration WAIT = Duration.ofSeconds(10);

    private record Entry(Object value, long generation, long at) {
    }

    /** A read under way: the generation it reads at, and its value when done. */
    private record Reading(long generation, CompletableFuture<Object> value) {
    }

    private final Duration keep;
    private final int maxEntries;
    private final boolean servedWhileReread;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Entry> kept = new ConcurrentHashMap<>();
    private final Map<Object, Reading> reading = new ConcurrentHashMap<>();
    private final TransactionLocal<Object> dropsAfterCommit = TransactionLocal.afterCommit(Object::new, changed -> dropAll());

    public KeptUntilChanged(Duration keep, int maxEntries) {
        this(keep, maxEntries, false);
    }

    /** {@code servedWhileReread}: a value past the keep time is served while one request reads it again. */
    public KeptUntilChanged(Duration keep, int maxEntries, boolean servedWhileReread) {
        this.keep = keep;
        this.maxEntries = maxEntries;
        this.servedWhileReread = servedWhileReread;
    }

    /** The value kept for the key, or {@code load}'s, kept unless null (or keeping is off). */
    public <T> T get(Object key, Supplier<T> load) {
        T known = fresh(key);
        if (known != null) {
            return known;
        }
        return once(key, generation(), load, value -> true);
    }

    /**
     * {@code load}'s value for the key as read at {@code generation}, kept when {@code keepIf} says so (and not null):
     * a request asking for the same key at the same generation while it is read waits for that value rather than
     * reading it again (for at most {@link #WAIT}; if that read fails, it reads it itself).
     */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, long generation, Supplier<T> load, Predicate<T> keepIf) {
        Reading mine = new Reading(generation, new CompletableFuture<>());
        Reading under = reading.putIfAbsent(key, mine);
        if (under != null && under.generation() < generation && reading.replace(key, under, mine)) {
            under = null; // a read of rows since changed: this one is the key's read now
        }
        if (under != null) {
            if (under.generation() == generation) {
                try {
                    return (T) under.value().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // read it here instead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read(key, generation, load, keepIf); // another generation's read, or one that failed: not shared
        }
        try {
            Entry entry = kept.get(key);
            T value;
            if (entry != null && entry.generation() == generation && System.nanoTime() - entry.at() < keep.toNanos()) {
                value = (T) entry.value(); // it missed while another request read the key, and asks once that is done
            } else {
                value = read(key, generation, load, keepIf);
            }
            mine.value().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.value().completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(key, mine);
        }
    }

    private <T> T read(Object key, long generation, Supplier<T> load, Predicate<T> keepIf) {
        T value = load.get();
        if (value != null && keepIf.test(value)) {
            keep(key, value, generation);
        }
        return value;
    }

    /**
     * The value kept for the key if nothing changed since it was read and it is younger than the keep time, or (when
     * served while reread) older but being read again by another request at the same generation.
     */
    @SuppressWarnings("unchecked")
    public <T> T fresh(Object key) {
        Entry entry = kept.get(key);
        if (entry == null || entry.generation() != generation.get()) {
            return null;
        }
        // a cache's age, not the application's time (which a replay or a test may move)
        if (System.nanoTime() - entry.at() < keep.toNanos()) {
            return (T) entry.value();
        }
        Reading under = servedWhileReread ? reading.get(key) : null;
        return under != null && under.generation() == entry.generation() ? (T) entry.value() : null;
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
        // a read that began before a change and ends after a later one's does not replace the later value
        kept.merge(key, new Entry(value, generation, System.nanoTime()),
                (old, read) -> old.generation() > read.generation() ? old : read);
    }

    /**
     * The owner's rows changed in this transaction: nothing kept before is served again on this node, and again once
     * it commits (a value another request read meanwhile saw the rows before it). A synchronization, not a
     * transactional listener, which the event registry would record for each change; one per transaction, however many
     * changes it makes.
     */
    public void changed() {
        dropAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            dropsAfterCommit.get();
        }
    }

    private void dropAll() {
        generation.incrementAndGet();
        kept.clear();
    }
}
