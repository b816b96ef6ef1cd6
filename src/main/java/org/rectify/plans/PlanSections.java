package org.rectify.plans;

import org.jooq.DSLContext;
import org.rectify.platform.TransactionLocal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.regexpReplaceFirst;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * The top-level sections of each plan's task references (一, 二, …), kept per plan: a filter's option list read on
 * every ledger, warnings-desk and matrix page, where cutting a province's 100,000 references took 100-350 ms a page
 * (issue 12). A plan's list is read again after one of its tasks is created or a task is edited on this node, or after
 * {@link #KEEP} (another node's changes: an option list may be that much behind).
 */
@Component
class PlanSections {

    static final Duration KEEP = Duration.ofMinutes(5);

    private record Kept(List<String> sections, long at) {
    }

    private final DSLContext db;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
    /** Moves at each change and again at its commit: a list read meanwhile may miss the change, and is not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** The plans a transaction changed (null: every plan), forgotten again after its commit (a list read meanwhile). */
    private final TransactionLocal<Set<Long>> changedInTransaction = TransactionLocal.afterCommit(HashSet::new, plans -> {
        generation.incrementAndGet();
        plans.forEach(this::drop);
    });

    PlanSections(DSLContext db) {
        this.db = db;
    }

    /** One plan's sections in the order of their first task; with no plan, every plan's, each section once, in plan order. */
    List<String> of(Long planId) {
        if (planId != null) {
            return of(List.of(planId)).get(planId);
        }
        List<Long> plans = db.select(PLAN.ID).from(PLAN).orderBy(PLAN.ID).fetch(PLAN.ID);
        Map<Long, List<String>> byPlan = of(plans);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        plans.forEach(plan -> all.addAll(byPlan.get(plan)));
        return List.copyOf(all);
    }

    private Map<Long, List<String>> of(Collection<Long> planIds) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        long now = System.nanoTime(); // the list's age, not the application's time (which a test may move)
        for (Long plan : planIds) {
            Kept k = kept.get(plan);
            if (k != null && now - k.at() < KEEP.toNanos()) {
                out.put(plan, k.sections());
            } else {
                missing.add(plan);
            }
        }
        if (!missing.isEmpty()) {
            long before = generation.get();
            Map<Long, List<String>> read = read(missing);
            for (Long plan : missing) {
                List<String> sections = List.copyOf(read.getOrDefault(plan, List.of()));
                out.put(plan, sections);
                if (generation.get() == before) {
                    kept.put(plan, new Kept(sections, now));
                }
            }
        }
        return out;
    }

    /** The distinct sections of these plans, each plan's by the position of its first task (TaskRefs.section in SQL). */
    private Map<Long, List<String>> read(Collection<Long> planIds) {
        // inlined, so that the GROUP BY names the very expression of the SELECT (bind values would make two)
        var section = regexpReplaceFirst(TASK.REF, inline("[(0-9０-９].*$"), inline(""));
        var first = min(TASK.POSITION);
        Map<Long, List<String>> out = new HashMap<>();
        db.select(TASK.PLAN_ID, section, first).from(TASK).where(TASK.PLAN_ID.in(planIds))
                .groupBy(TASK.PLAN_ID, section).orderBy(TASK.PLAN_ID, first)
                .forEach(r -> out.computeIfAbsent(r.value1(), p -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    @EventListener
    void taskCreated(TaskCreated created) {
        forget(created.planId());
    }

    @EventListener
    void taskEdited(TaskEdited edited) {
        forget(null); // an edit may change the reference, and does not say of which plan
    }

    /** Forgets a plan's list (every plan's for null) now and again once this transaction commits. */
    private void forget(Long planId) {
        generation.incrementAndGet();
        drop(planId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            changedInTransaction.get().add(planId);
        }
    }

    private void drop(Long planId) {
        if (planId == null) {
            kept.clear();
        } else {
            kept.remove(planId);
        }
    }
}
