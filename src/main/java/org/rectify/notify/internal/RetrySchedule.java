package org.rectify.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after a failed attempt before the next: 1 min, 5 min, 30 min, 2 h, 12 h, then give up.
 * A receiver that is down for a moment gets the message soon; one that is down for a day is not hammered.
 */
record RetrySchedule(List<Duration> delays) {

    static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12)));

    RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The wait after the {@code failedAttempts}-th failure, or empty when that was the last attempt. */
    Optional<Duration> after(int failedAttempts) {
        return failedAttempts >= 1 && failedAttempts <= delays.size()
                ? Optional.of(delays.get(failedAttempts - 1)) : Optional.empty();
    }

    /** Attempts in all: the first and one per delay. */
    int maxAttempts() {
        return delays.size() + 1;
    }
}
