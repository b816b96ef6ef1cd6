package org.rectify.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replayed time is seen on the replaying thread, inside the replay, and nowhere else. */
class ReplayClockTests {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final Instant PAST = Instant.parse("2026-04-03T01:00:00Z");
    private final Clock clock = new ReplayClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_replaying_thread_sees_the_replayed_time_nested_and_the_system_time_after_even_when_a_step_fails() {
        Instant later = PAST.plusSeconds(3600);
        ReplayClock.at(PAST, () -> {
            assertThat(clock.instant()).isEqualTo(PAST);
            ReplayClock.at(later, () -> assertThat(clock.instant()).isEqualTo(later));
            assertThat(clock.instant()).isEqualTo(PAST);
        });
        assertThat(clock.instant()).isEqualTo(NOW);
        assertThatThrownBy(() -> ReplayClock.at(PAST, () -> {
            throw new IllegalStateException("a step that fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void another_thread_reads_the_system_time_during_a_replay() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        try {
            Instant seenElsewhere = ReplayClock.at(PAST, () -> {
                try {
                    return pool.submit(clock::instant).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seenElsewhere).isEqualTo(NOW);
            assertThat(clock.withZone(ZoneOffset.ofHours(8)).instant()).isEqualTo(NOW);
        } finally {
            pool.shutdownNow();
        }
    }
}
