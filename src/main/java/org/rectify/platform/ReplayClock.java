package org.rectify.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock: the system clock, except on a thread that replays history. The embedded demo replays a
 * plan's past months through the ordinary commands ({@link #at}), so its reports are on time or late, and its
 * histories dated, as they would have been; every other thread, and every other moment, reads the system time.
 */
public final class ReplayClock extends Clock {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock system;

    ReplayClock(Clock system) {
        this.system = system;
    }

    /** Runs {@code action} on this thread as if it were {@code at}; nests, and restores the outer time after. */
    public static <T> T at(Instant at, Supplier<T> action) {
        Instant outer = REPLAYED.get();
        REPLAYED.set(at);
        try {
            return action.get();
        } finally {
            if (outer == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(outer);
            }
        }
    }

    public static void at(Instant at, Runnable action) {
        at(at, () -> {
            action.run();
            return null;
        });
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ReplayClock(system.withZone(zone));
    }
}
