package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One read of a key at a time (issue 14: at 1,000,000 tasks the root office's total is a count of 700,000 rows, and
 * eight requests finding it missing each counted it).
 */
class KeptUntilChangedTests {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    /** A read that holds until {@code go} and counts how often it ran. */
    private static Supplier<Long> read(AtomicInteger reads, CountDownLatch go, long value) {
        return () -> {
            reads.incrementAndGet();
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        };
    }

    private static void until(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.get(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.get()).isTrue();
    }

    @Test
    void eightRequestsAskingForAMissingKeyAtOnceReadItOnceAndAllGetItsValue() throws Exception {
        var kept = new KeptUntilChanged(Duration.ofSeconds(30), 100);
        var reads = new AtomicInteger();
        var go = new CountDownLatch(1);
        List<Future<Long>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> kept.get("root", read(reads, go, 61_234L))));
        }
        until(() -> reads.get() == 1);
        Thread.sleep(100); // the other seven have asked by now
        go.countDown();
        for (Future<Long> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(61_234L);
        }
        assertThat(reads).hasValue(1);
        assertThat(kept.<Long>fresh("root")).isEqualTo(61_234L);
    }

    @Test
    void aRequestThatMissedWhileAnotherCountedAndAsksAfterTakesThatCountRatherThanCountingAgain() {
        var kept = new KeptUntilChanged(Duration.ofSeconds(30), 100, true);
        long missedAt = kept.generation();
        kept.get("root", () -> 61_234L);
        assertThat(kept.once("root", missedAt, () -> -1L, n -> true)).isEqualTo(61_234L);
        kept.changed();
        assertThat(kept.once("root", kept.generation(), () -> 61_235L, n -> true)).isEqualTo(61_235L);
    }

    @Test
    void aTotalPastItsKeepTimeIsServedWhileOneRequestCountsItAgainAndTheNewCountAfter() throws Exception {
        var kept = new KeptUntilChanged(Duration.ofMillis(50), 100, true);
        kept.get("root", () -> 100L);
        Thread.sleep(80);
        var reads = new AtomicInteger();
        var go = new CountDownLatch(1);
        Future<Long> recount = pool.submit(() -> kept.get("root", read(reads, go, 101L)));
        until(() -> reads.get() == 1);
        // the others are not held up by the recount, nor count themselves
        assertThat(kept.<Long>fresh("root")).isEqualTo(100L);
        assertThat(kept.get("root", () -> -1L)).isEqualTo(100L);
        go.countDown();
        assertThat(recount.get(5, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(kept.<Long>fresh("root")).isEqualTo(101L);
        assertThat(reads).hasValue(1);
    }

    @Test
    void withoutServingWhileRereadAValuePastItsKeepTimeIsNeverServed() throws Exception {
        var kept = new KeptUntilChanged(Duration.ofMillis(50), 100);
        kept.get("token", () -> 100L);
        Thread.sleep(80);
        var go = new CountDownLatch(1);
        var reads = new AtomicInteger();
        Future<Long> reread = pool.submit(() -> kept.get("token", read(reads, go, 101L)));
        until(() -> reads.get() == 1);
        assertThat(kept.<Long>fresh("token")).isNull();
        go.countDown();
        assertThat(reread.get(5, TimeUnit.SECONDS)).isEqualTo(101L);
    }

    @Test
    void aReadUnderWayWhenTheRowsChangeIsNeitherSharedWithALaterRequestNorServedAfterTheChange() throws Exception {
        var kept = new KeptUntilChanged(Duration.ofSeconds(30), 100, true);
        var go = new CountDownLatch(1);
        var reads = new AtomicInteger();
        Future<Long> before = pool.submit(() -> kept.get("root", read(reads, go, 100L)));
        until(() -> reads.get() == 1);
        kept.changed();
        // a request after the change reads the changed rows itself rather than waiting for the older read
        assertThat(kept.get("root", () -> 99L)).isEqualTo(99L);
        go.countDown();
        assertThat(before.get(5, TimeUnit.SECONDS)).isEqualTo(100L);
        assertThat(kept.<Long>fresh("root")).isEqualTo(99L);
    }

    @Test
    void whenTheOneReadFailsTheRequestsWaitingForItReadItThemselves() throws Exception {
        var kept = new KeptUntilChanged(Duration.ofSeconds(30), 100);
        var go = new CountDownLatch(1);
        var started = new AtomicInteger();
        Future<Long> failing = pool.submit(() -> kept.get("root", () -> {
            started.incrementAndGet();
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("canceling statement due to user request");
        }));
        until(() -> started.get() == 1);
        Future<Long> waiting = pool.submit(() -> kept.get("root", () -> 7L));
        Thread.sleep(100);
        go.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(7L);
        assertThat(failing).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aLargeFigureIsKeptAndASmallOneCountedAgainEachTime() {
        var totals = new KeptTotals();
        var computed = new AtomicInteger();
        var large = totals.figure("large", () -> {
            computed.incrementAndGet();
            return 5_000L;
        }, n -> n);
        var again = totals.figure("large", () -> -1L, n -> n);
        assertThat(large).isEqualTo(new KeptTotals.Counted<>(5_000L, true));
        assertThat(again).isEqualTo(new KeptTotals.Counted<>(5_000L, true));
        assertThat(totals.figure("small", () -> 3L, n -> n)).isEqualTo(new KeptTotals.Counted<>(3L, false));
        assertThat(totals.figure("small", () -> 4L, n -> n)).isEqualTo(new KeptTotals.Counted<>(4L, false));
        assertThat(computed).hasValue(1);
    }

    /** Runs the counts put behind the pages when the test says. */
    private static final class Behind implements Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable count) {
            queued.add(count);
        }

        void runAll() {
            List<Runnable> now = List.copyOf(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }

    /** Totals that counted {@code key} large on a page ({@code n} rows), and then heard of a change. */
    private static KeptTotals countedLargeBeforeAChange(Behind behind, String key, long n) {
        var totals = new KeptTotals(behind);
        assertThat(totals.count(key, () -> 2_001L, () -> n)).as("the first count: its page waits for it")
                .isEqualTo(new KeptTotals.Counted<>(n, true));
        totals.changed();
        return totals;
    }

    private static final LongSupplier NOT_ON_A_PAGE = () -> {
        throw new AssertionError("counted while a page waited");
    };

    @Test
    void aLargeTotalIsServedItsLastCountAfterAChangeWhileOneCountBehindThePagesCountsItAgain() {
        var behind = new Behind();
        var totals = countedLargeBeforeAChange(behind, "red", 124_276L);
        for (int page = 0; page < 3; page++) {
            assertThat(totals.count("red", NOT_ON_A_PAGE, () -> 124_300L))
                    .isEqualTo(new KeptTotals.Counted<>(124_276L, true));
        }
        assertThat(behind.queued).as("one count behind the pages, however many pages asked").hasSize(1);
        behind.runAll();
        assertThat(totals.count("red", NOT_ON_A_PAGE, NOT_ON_A_PAGE)).isEqualTo(new KeptTotals.Counted<>(124_300L, true));
        assertThat(behind.queued).isEmpty();
    }

    @Test
    void aSetThatHasBecomeSmallIsCountedExactlyOnceTheCountBehindThePagesHasSeenIt() {
        var behind = new Behind();
        var totals = countedLargeBeforeAChange(behind, "open", 5_000L);
        assertThat(totals.count("open", NOT_ON_A_PAGE, () -> 1_500L)).isEqualTo(new KeptTotals.Counted<>(5_000L, true));
        behind.runAll();
        assertThat(totals.count("open", () -> 1_500L, NOT_ON_A_PAGE)).isEqualTo(new KeptTotals.Counted<>(1_500L, false));
        totals.changed();
        assertThat(totals.count("open", () -> 1_499L, NOT_ON_A_PAGE)).as("no last large count any more")
                .isEqualTo(new KeptTotals.Counted<>(1_499L, false));
        assertThat(behind.queued).isEmpty();
    }

    @Test
    void aCountBehindThePagesThatFailsLeavesTheLastCountServedAndTheNextPageAsksAgain() {
        var behind = new Behind();
        var totals = countedLargeBeforeAChange(behind, "notices", 3_000L);
        assertThat(totals.count("notices", NOT_ON_A_PAGE, () -> {
            throw new IllegalStateException("the database went away");
        })).isEqualTo(new KeptTotals.Counted<>(3_000L, true));
        behind.runAll();
        assertThat(totals.count("notices", NOT_ON_A_PAGE, () -> 3_100L)).isEqualTo(new KeptTotals.Counted<>(3_000L, true));
        assertThat(behind.queued).as("asked again").hasSize(1);
        behind.runAll();
        assertThat(totals.count("notices", NOT_ON_A_PAGE, NOT_ON_A_PAGE)).isEqualTo(new KeptTotals.Counted<>(3_100L, true));
    }

    @Test
    void manyChangesInOneTransactionDropWhatWasKeptOnceMoreAtItsCommitNotOncePerChange() {
        var kept = new KeptUntilChanged(Duration.ofMinutes(1), 100);
        TransactionSynchronizationManager.initSynchronization();
        try {
            for (int i = 0; i < 50; i++) {
                kept.changed();
            }
            assertThat(TransactionSynchronizationManager.getSynchronizations())
                    .as("the drop after the commit, and the binding of the transaction's marker").hasSize(2);
            kept.keep("total", 7L, kept.generation()); // read by another request before the commit
            assertThat((Long) kept.fresh("total")).isEqualTo(7L);
            TransactionSynchronizationUtils.triggerAfterCommit();
            assertThat((Long) kept.fresh("total")).as("read before the commit: not served after it").isNull();
        } finally {
            TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
