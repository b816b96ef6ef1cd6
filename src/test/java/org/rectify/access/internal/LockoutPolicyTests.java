package org.rectify.access.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutPolicyTests {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2018-02-07T09:29:00Z");

    @Test
    void four_failures_in_a_row_do_not_lock() {
        assertThat(policy.lockedUntil(4, now)).isNull();
    }

    @Test
    void the_fifth_failure_locks_for_fifteen_minutes() {
        assertThat(policy.lockedUntil(5, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_lock_ends_when_its_time_is_up() {
        Instant until = now.plus(Duration.ofMinutes(15));
        assertThat(policy.isLocked(until, now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(policy.isLocked(until, until)).isFalse();
        assertThat(policy.isLocked(null, now)).isFalse();
    }
}
