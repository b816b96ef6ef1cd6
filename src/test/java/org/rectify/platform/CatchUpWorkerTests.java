package org.rectify.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catch-up thread's pause between steps (issue 14, Q4): under load the commands committed while it pauses share
 * one step (one transaction, one commit), and a reader that must see them done never waits for the pause.
 */
class CatchUpWorkerTests {

    static final long PAUSE = 1_500;

    /** Commands committed and not yet taken up by a step; each step takes them all and records how many. */
    final AtomicInteger waiting = new AtomicInteger();
    final List<Integer> steps = new CopyOnWriteArrayList<>();
    final CatchUpWorker worker = new CatchUpWorker("catch-up-test", () -> steps.add(waiting.getAndSet(0)),
            LoggerFactory.getLogger(CatchUpWorkerTests.class), "failed", 60_000, PAUSE);

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    void a_command_in_a_quiet_node_is_taken_up_at_once_and_those_committed_during_the_pause_by_one_step_after_it() {
        worker.start();
        long start = System.nanoTime();
        commit();
        await().atMost(1, TimeUnit.SECONDS).until(() -> steps.size() == 1); // within the pause: no wait for a quiet node's first
        assertThat(steps).containsExactly(1);

        commit();
        commit();
        commit();
        await().atMost(5, TimeUnit.SECONDS).until(() -> steps.size() == 2);
        assertThat(steps).as("the three shared the next step").containsExactly(1, 3);
        assertThat(System.nanoTime() - start).as("not before the pause was over").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(PAUSE));
    }

    @Test
    void a_reader_that_awaits_the_commands_work_takes_the_step_itself_rather_than_wait_for_the_pause() {
        worker.start();
        commit();
        await().atMost(1, TimeUnit.SECONDS).until(() -> steps.size() == 1);

        commit();
        long start = System.nanoTime();
        worker.await();
        assertThat(steps).containsExactly(1, 1);
        assertThat(System.nanoTime() - start).as("well within the pause").isLessThan(TimeUnit.MILLISECONDS.toNanos(PAUSE / 2));
    }

    @Test
    void a_stop_during_the_pause_ends_it_at_once() {
        worker.start();
        commit();
        await().atMost(1, TimeUnit.SECONDS).until(() -> steps.size() == 1);

        long start = System.nanoTime();
        worker.stop();
        assertThat(System.nanoTime() - start).as("well within the pause").isLessThan(TimeUnit.MILLISECONDS.toNanos(PAUSE / 2));
    }

    private void commit() {
        waiting.incrementAndGet();
        worker.committed();
    }
}
