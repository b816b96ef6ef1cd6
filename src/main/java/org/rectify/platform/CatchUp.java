package org.rectify.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The node's one catch-up thread for the work commands leave for after their commit (issue 14, Q4): each module
 * registers its step (the audit chain's link, the dashboard's kept counts), and one {@link CatchUpWorker} runs them all
 * in one transaction, so a batch of commands costs one commit and one WAL fsync, not one per module. Under load the
 * thread pauses {@code rectify.catch-up.pause} between steps so that a step takes tens of commands, not two or three
 * (its queue reads, lock, sums of shared units and commit are paid once per step); a reader that must see the work done
 * takes a step itself meanwhile. Each step still writes only its own module's tables. A step that fails rolls the shared
 * transaction back; the steps are then taken each in a transaction of its own, so one module's failure never holds
 * another's work back.
 */
@Component
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    /** A module's step: what its commands left, done in the caller's transaction; true when more waits (another step). */
    public interface Step {
        boolean run();
    }

    /** A registered step: its module says when it is ready for the thread (its start-up work done). */
    public final class Registration {
        private final String name;
        private final int order;
        private final Step step;
        private boolean ready;

        private Registration(String name, int order, Step step) {
            this.name = name;
            this.order = order;
            this.step = step;
        }

        /** The module's start-up work is done; the thread starts once every registered module is ready. */
        public void ready() {
            synchronized (steps) {
                ready = true;
                if (!started && steps.stream().allMatch(r -> r.ready)) {
                    started = true;
                    worker.start();
                }
            }
        }
    }

    private final List<Registration> steps = new ArrayList<>();
    private boolean started;
    private final TransactionTemplate transaction;
    private final CatchUpWorker worker;

    CatchUp(PlatformTransactionManager transactions, @Value("${rectify.catch-up.pause:100ms}") Duration pause) {
        this.transaction = new TransactionTemplate(transactions);
        // also when a reader inside a transaction of its own takes the step
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // idle, a step every 10 s: what another node left behind
        this.worker = new CatchUpWorker("catch-up", this::step, log, "catch-up: a step failed; the next one takes its work", 10_000,
                pause.toMillis());
    }

    /**
     * Registers a module's step; steps run in {@code order} (a step holding a lock that others wait for goes last, so
     * it is held shortest).
     */
    public Registration register(String name, int order, Step step) {
        Registration registration = new Registration(name, order, step);
        synchronized (steps) {
            steps.add(registration);
            steps.sort(Comparator.comparingInt(r -> r.order));
        }
        return registration;
    }

    /** A command's work committed: the next step takes it. */
    public void committed() {
        worker.committed();
    }

    /** Returns once the work of every command committed on this node before the call is done, every module's. */
    public void await() {
        worker.await();
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    /** Every module's step in one transaction; what waits beyond a step's batch, and a failure, each step on its own. */
    private void step() {
        List<Registration> all;
        synchronized (steps) {
            all = List.copyOf(steps);
        }
        List<Registration> more;
        try {
            more = transaction.execute(s -> all.stream().filter(r -> r.step.run()).toList());
        } catch (RuntimeException e) {
            log.warn("catch-up: the shared step failed; each module's step is taken on its own", e);
            more = all;
        }
        for (Registration r : more) {
            alone(r);
        }
    }

    /** A step in transactions of its own until nothing more waits; a failure is logged, the next step retries it. */
    private void alone(Registration r) {
        try {
            boolean more;
            do { // more than one batch waited (a recomputation's thousands): one transaction each
                more = Boolean.TRUE.equals(transaction.execute(s -> r.step.run()));
            } while (more);
        } catch (RuntimeException e) {
            log.warn("catch-up: the step of {} failed; the next step takes its work", r.name, e);
        }
    }
}
