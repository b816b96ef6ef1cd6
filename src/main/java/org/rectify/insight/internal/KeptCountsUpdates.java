package org.rectify.insight.internal;

import org.rectify.plans.PlanOwnerChanged;
import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.progress.ReportSubmitted;
import org.rectify.progress.ReportingCadenceSet;
import org.rectify.supervision.TasksAssessed;
import org.rectify.platform.AfterCommit;
import org.rectify.platform.CatchUp;
import org.rectify.platform.PendingWrites;
import org.rectify.platform.TransactionLocal;
import org.rectify.units.UnitsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@link KeptCounts} current from the events plans, supervision and progress publish (a task's changes, its
 * assessments and recorded changes of level, its reports submitted, its plan's cadence and owner). The tasks an event
 * names and the reports it counts are collected in the publisher's transaction and written, just before it commits, to
 * {@link PendingCounts} (one statement with the other modules' pending rows, {@link PendingWrites}): they commit with
 * the change or not at all. The node's applier applies them after the command has answered (issue 14, Q4: counting them
 * was a sixth of a report's submission on its request), everything committed since its last step in one transaction,
 * and then moves the facts' version. So the kept counts lag the ledger by one step of the applier (milliseconds; under
 * load, the step under way and the next); a dashboard read on the node first waits for the node's changes to be applied
 * ({@link #awaitApplied}), so it shows every change committed on the node before it was asked for, exactly. A unit
 * moved in the tree changes the reach of all its tasks: everything is counted again after that commits. At start, what
 * a stop left waiting is applied, then counts that are missing or disagree with the number of tasks (a generated or
 * restored database) are rebuilt.
 */
@Component
class KeptCountsUpdates {

    private static final Logger log = LoggerFactory.getLogger(KeptCountsUpdates.class);

    private final KeptCounts counts;
    private final PendingCounts pendingCounts;
    private final FiguresVersion version;
    private final TransactionTemplate transactions;
    /**
     * The node's catch-up thread: applies what commands committed, after they answered, in the step the audit chain's
     * link shares (one commit for both); idle, every 10 s (other nodes' leftovers).
     */
    private final CatchUp catchUp;
    private final CatchUp.Registration applier;
    private final PendingWrites pendingWrites;
    /**
     * This transaction's changes: written just before the commit with the other modules' pending rows (one statement),
     * a report on a task counted anew counted with it; the applier told after the commit.
     */
    private final TransactionLocal<Pending> pending;

    KeptCountsUpdates(KeptCounts counts, PendingCounts pendingCounts, FiguresVersion version, PlatformTransactionManager transactions,
                      CatchUp catchUp, PendingWrites pendingWrites) {
        this.counts = counts;
        this.pendingWrites = pendingWrites;
        this.pendingCounts = pendingCounts;
        this.version = version;
        this.transactions = new TransactionTemplate(transactions);
        // also when a reader inside a transaction of its own takes the step
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.catchUp = catchUp;
        this.applier = catchUp.register("insight", 0, this::applyBatch);
        this.pending = TransactionLocal.afterCommit(this::newPending, collected -> catchUp.committed());
    }

    /** Returns once every change committed on this node before the call is in the kept counts. */
    void awaitApplied() {
        catchUp.await();
    }

    /** Applies what waits, a batch per transaction; the facts' version moves after each that applied something. */
    private void applyPending() {
        boolean more;
        do {
            more = Boolean.TRUE.equals(transactions.execute(s -> applyBatch()));
        } while (more);
    }

    /** One batch of what waits, in the caller's transaction; true when more waits. */
    private boolean applyBatch() {
        int n = pendingCounts.apply();
        if (n > 0) {
            version.changed(); // right after this step commits
        }
        return n >= PendingCounts.PER_STEP;
    }

    @EventListener
    void on(TaskCreated event) {
        changed(List.of(event.taskId()));
    }

    @EventListener
    void on(TaskEdited event) {
        changed(List.of(event.taskId()));
    }

    @EventListener
    void on(TaskTransitioned event) {
        changed(List.of(event.taskId()));
    }

    @EventListener
    void on(TasksAssessed event) {
        changed(event.taskIds());
    }

    /**
     * A report counted as submitted: its lead unit's reporting on the task, the only fact of the task it changes. Added
     * as such (two statements), unless the task is counted anew in this transaction anyway (started by this report).
     */
    @EventListener
    void on(ReportSubmitted event) {
        KeptCounts.Reported reported = new KeptCounts.Reported(event.taskId(), event.unitId(), event.cycleId(), event.daysLate() > 0);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            transactions.executeWithoutResult(s -> {
                counts.addReported(List.of(reported));
                version.changed();
            });
            return;
        }
        pending.get().reported.add(reported);
    }

    /** A new cadence moves the grace periods of the cycles still open: on time and late are judged anew. */
    @EventListener
    void on(ReportingCadenceSet event) {
        changed(counts.tasksOfPlan(event.planId()));
    }

    /** Another office runs the plan: its tasks' office keys, and those reading their lead units' reporting, change. */
    @EventListener
    void on(PlanOwnerChanged event) {
        changed(counts.tasksOfPlan(event.planId()));
    }

    @EventListener
    void on(UnitsChanged event) {
        if ("unit.moved".equals(event.auditAction())) {
            AfterCommit.run(this::rebuild);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfStale() {
        applyPending(); // what a stop left waiting first: a task created just before it is no reason to rebuild
        if (counts.stale()) {
            rebuild();
        }
        counts.markReady();
        version.changed();
        applier.ready();
    }

    void rebuild() {
        long start = System.nanoTime();
        int tasks = counts.rebuild();
        version.changed(); // committed: a dashboard kept while the counts were rebuilt is computed again
        log.info("insight: kept counts rebuilt for {} tasks in {} ms", tasks, (System.nanoTime() - start) / 1_000_000);
    }

    private void changed(Collection<Long> taskIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            transactions.executeWithoutResult(s -> {
                counts.refresh(taskIds);
                version.changed();
            });
            return;
        }
        pending.get().tasks.addAll(taskIds);
    }

    /** What this transaction changed: the tasks to count anew, and reports to add to tasks not counted anew. */
    private static final class Pending {
        final Set<Long> tasks = new LinkedHashSet<>();
        final Set<KeptCounts.Reported> reported = new LinkedHashSet<>();
    }

    private Pending newPending() {
        Pending collected = new Pending();
        pendingWrites.add(() -> pendingCounts.rows(collected.tasks,
                collected.reported.stream().filter(r -> !collected.tasks.contains(r.taskId())).toList()));
        return collected;
    }
}
