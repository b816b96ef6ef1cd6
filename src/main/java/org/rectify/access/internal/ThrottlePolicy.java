package org.rectify.access.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Growing delays after failed sign-ins, instead of a lock: the first {@code freeFailures} cost nothing, then each next
 * attempt must wait {@code firstDelay}, twice that, four times… up to {@code maxDelay} after the last failure. So a
 * guesser is slowed to a crawl, while the owner of the account (or the office behind the same address) is at worst
 * kept waiting {@code maxDelay}, never locked out by someone else. Failures older than {@code forgetAfter} are forgotten.
 */
record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** Per submitted name, known or not. */
    static final ThrottlePolicy PER_NAME = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));
    /** Per client address: an office's staff may share one, so it allows more before slowing down. */
    static final ThrottlePolicy PER_CLIENT = new ThrottlePolicy(30, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));

    /** How long after the last of this many failures the next attempt must wait. */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The moment before which an attempt is refused unchecked, or null when it may be tried now. */
    Instant refusedUntil(int failures, Instant lastFailure, Instant now) {
        if (isForgotten(lastFailure, now)) {
            return null;
        }
        Instant until = lastFailure.plus(delayAfter(failures));
        return until.isAfter(now) ? until : null;
    }

    /** Whether failures this old no longer count: the next one starts a new count. */
    boolean isForgotten(Instant lastFailure, Instant now) {
        return !lastFailure.plus(forgetAfter).isAfter(now);
    }

    /** Whether this many recent failures slow the name (or address) down: what an administrator may clear. */
    boolean isSlowed(int failures, Instant lastFailure, Instant now) {
        return failures >= freeFailures && !isForgotten(lastFailure, now);
    }
}
