package org.rectify.access.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTests {

    private final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));
    private final Instant failed = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void the_first_five_failures_cost_nothing() {
        assertThat(policy.delayAfter(4)).isZero();
        assertThat(policy.refusedUntil(4, failed, failed)).isNull();
    }

    @Test
    void from_the_fifth_failure_each_next_attempt_waits_twice_as_long() {
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.refusedUntil(7, failed, failed.plusSeconds(3))).isEqualTo(failed.plusSeconds(4));
        assertThat(policy.refusedUntil(7, failed, failed.plusSeconds(4))).isNull();
    }

    @Test
    void the_wait_never_exceeds_a_minute_however_many_failures_an_outsider_causes() {
        assertThat(policy.delayAfter(12)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.refusedUntil(1_000_000, failed, failed.plusSeconds(60))).isNull();
    }

    @Test
    void failures_an_hour_old_are_forgotten() {
        assertThat(policy.isSlowed(9, failed, failed.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(policy.isSlowed(9, failed, failed.plus(Duration.ofHours(1)))).isFalse();
        assertThat(policy.isForgotten(failed, failed.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void a_client_address_shared_by_an_office_allows_more_failures_than_a_name() {
        assertThat(ThrottlePolicy.PER_CLIENT.freeFailures()).isGreaterThan(ThrottlePolicy.PER_NAME.freeFailures());
        assertThat(ThrottlePolicy.PER_NAME.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    }
}
