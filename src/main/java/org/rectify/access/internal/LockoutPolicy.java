package org.rectify.access.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Repeated failed logins lock an account for a while, so passwords cannot be guessed at speed.
 * {@code maxFailures} failures in a row lock it for {@code lockFor}; a success resets the count.
 */
record LockoutPolicy(int maxFailures, Duration lockFor) {

    static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    /** The moment until which the account is locked after this many failures in a row, or null. */
    Instant lockedUntil(int failuresInARow, Instant now) {
        return failuresInARow >= maxFailures ? now.plus(lockFor) : null;
    }

    boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
