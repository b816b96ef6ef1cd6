package org.rectify.insight.internal;

import org.rectify.plans.PlanOwnerChanged;
import org.rectify.plans.TaskCreated;
import org.rectify.plans.TaskEdited;
import org.rectify.plans.TaskTransitioned;
import org.rectify.progress.ReportSubmitted;
import org.rectify.progress.ReportingCadenceSet;
import org.rectify.supervision.TasksAssessed;
import org.rectify.units.UnitsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@link KeptCounts} current from the events plans, supervision and progress publish (a task's changes, its
 * assessments and recorded changes of level, its reports submitted, its plan's cadence and owner). Synchronous, in the publisher's
 * transaction, not {@code @ApplicationModuleListener} (after commit): the dashboard must show the same numbers as the
 * ledger at once (the ledger counts the committed rows), and a count that commits with its change can never be lost
 * or applied twice. The tasks an event names are collected and counted once, just before the transaction commits,
 * when every write of the command is in (an event may be published before its last write). A unit moved in the tree
 * changes the reach of all its tasks: everything is counted again after that commits. At start, counts that are
 * missing or disagree with the number of tasks (a generated or restored database) are rebuilt.
 */
@Component
class KeptCountsUpdates {

    private static final Logger log = LoggerFactory.getLogger(KeptCountsUpdates.class);
    private static final Object PENDING = KeptCountsUpdates.class;

    private final KeptCounts counts;
    private final FiguresVersion version;
    private final TransactionTemplate transactions;

    KeptCountsUpdates(KeptCounts counts, FiguresVersion version, TransactionTemplate transactions) {
        this.counts = counts;
        this.version = version;
        this.transactions = transactions;
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
        pending().reported.add(reported);
        version.changed();
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
            afterCommit(this::rebuild);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfStale() {
        if (counts.stale()) {
            rebuild();
        }
        counts.markReady();
        version.changed();
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
        pending().tasks.addAll(taskIds);
        version.changed();
    }

    /** What this transaction changed: the tasks to count anew, and reports to add to tasks not counted anew. */
    private static final class Pending {
        final Set<Long> tasks = new LinkedHashSet<>();
        final Set<KeptCounts.Reported> reported = new LinkedHashSet<>();
    }

    /** This transaction's changes, applied just before it commits. */
    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(PENDING);
        if (pending != null) {
            return pending;
        }
        Pending collected = new Pending();
        TransactionSynchronizationManager.bindResource(PENDING, collected);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                counts.refresh(collected.tasks);
                counts.addReported(collected.reported.stream().filter(r -> !collected.tasks.contains(r.taskId())).toList());
            }

            @Override
            public int getOrder() {
                return 0; // the counts are written before the commit; the facts' version moves after it (FiguresVersion)
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
        });
        return collected;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
