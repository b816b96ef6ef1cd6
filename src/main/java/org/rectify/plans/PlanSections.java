package org.rectify.plans;

import org.jooq.DSLContext;
import org.jooq.Field;
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

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.regexpReplaceFirst;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
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

    /**
     * The distinct sections of these plans, each plan's by the position of its first task (TaskRefs.section in SQL): a
     * skip along V76's index of (plan, section, position), each plan's first section, then the next after each, then
     * each one's first position, one probe apiece.
     */
    private Map<Long, List<String>> read(Collection<Long> planIds) {
        var t = TASK.as("t");
        Field<Long> plan = field(name("s", "plan_id"), Long.class);
        Field<String> section = field(name("s", "section"), String.class);
        var sections = name("s").fields("plan_id", "section").as(
                select(PLAN.ID, field(select(sectionOf(t)).from(t).where(t.PLAN_ID.eq(PLAN.ID)).orderBy(sectionOf(t))
                        .limit(inline(1))))
                        .from(PLAN).where(PLAN.ID.in(planIds))
                        .unionAll(select(plan, field(select(sectionOf(t)).from(t)
                                .where(t.PLAN_ID.eq(plan).and(sectionOf(t).gt(section))).orderBy(sectionOf(t)).limit(inline(1))))
                                .from(table(name("s"))).where(section.isNotNull())));
        Field<Integer> first = field(select(t.POSITION).from(t).where(t.PLAN_ID.eq(plan).and(sectionOf(t).eq(section)))
                .orderBy(t.POSITION).limit(inline(1))).as("first");
        Map<Long, List<String>> out = new HashMap<>();
        db.withRecursive(sections).select(plan, section, first).from(sections).where(section.isNotNull())
                .orderBy(plan, first.asc())
                .forEach(r -> out.computeIfAbsent(r.value1(), p -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    /** What ends a reference's section: its first parenthesis or digit (V76). */
    private static final String SECTION_END = "[(0-9０-９].*$";

    /** A reference's section as V76's index writes it (the pattern inline: a bind value is another expression). */
    private static Field<String> sectionOf(org.rectify.plans.internal.db.tables.Task t) {
        return sectionOf(t.REF);
    }

    /** {@link #sectionOf(org.rectify.plans.internal.db.tables.Task)} of a reference column of plans' table or its view. */
    static Field<String> sectionOf(Field<String> ref) {
        return regexpReplaceFirst(ref, inline(SECTION_END), inline(""));
    }

    /** The section of a reference written out ("二(三)1" and "二" are of "二"), as {@link #sectionOf(Field)} reads it. */
    static String sectionOf(String ref) {
        return ref.replaceFirst(SECTION_END, "");
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
