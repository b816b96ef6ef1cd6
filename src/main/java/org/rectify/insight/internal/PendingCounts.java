package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.jooq.Query;
import org.rectify.insight.internal.db.tables.records.InsightPendingRecord;
import org.rectify.platform.PendingWrites;
import org.rectify.platform.RenderedStatements;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.rectify.insight.internal.db.Tables.INSIGHT_PENDING;

/**
 * What commands changed, waiting to be applied to the kept counts ({@code insight_pending}, V66): written in the
 * command's transaction (it commits with the command or not at all), applied and deleted in one transaction of the
 * node's applier ({@link KeptCountsUpdates}), so each is applied exactly once, many commands' at a time.
 */
@Component
class PendingCounts {

    /** Changes applied per transaction at most (a recomputation's thousands of tasks: several steps). */
    static final int PER_STEP = 1_000;

    private final DSLContext db;
    private final KeptCounts counts;
    private final RenderedStatements statements;

    PendingCounts(DSLContext db, KeptCounts counts, RenderedStatements statements) {
        this.db = db;
        this.counts = counts;
        this.statements = statements;
    }

    /**
     * The rows of the tasks to count anew and the reports to add, for {@link PendingWrites} (one statement with the other
     * modules' pending rows): a submission's one row (its report, or its task started by it) through SQL rendered once
     * per shape and kept, the values bound; a recomputation's many tasks built as they come and written at once, by
     * themselves (null then, and when there is nothing to write).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    PendingWrites.Rows rows(Collection<Long> tasks, Collection<KeptCounts.Reported> reported) {
        if (tasks.isEmpty() && reported.isEmpty()) {
            return null;
        }
        List<Object> binds = new ArrayList<>((tasks.size() + reported.size()) * 4);
        StringBuilder shape = new StringBuilder("insight-pending:");
        for (Long task : tasks) {
            binds.add(task);
            shape.append('t');
        }
        for (KeptCounts.Reported r : reported) {
            binds.addAll(List.of(r.taskId(), r.unitId(), r.cycleId(), r.late()));
            shape.append('r');
        }
        if (binds.size() > 64) {
            insert(tasks, reported).execute();
            return null;
        }
        return new PendingWrites.Rows(shape.toString(), () -> insert(tasks, reported).returningResult(inline(1)), binds);
    }

    /** The insert of the rows, the values bound (a task to count anew has no unit, cycle or lateness: inlined nulls). */
    private InsertValuesStep4<InsightPendingRecord, Long, Long, Long, Boolean> insert(Collection<Long> tasks,
                                                                                      Collection<KeptCounts.Reported> reported) {
        var insert = db.insertInto(INSIGHT_PENDING, INSIGHT_PENDING.TASK_ID, INSIGHT_PENDING.UNIT_ID, INSIGHT_PENDING.CYCLE_ID,
                INSIGHT_PENDING.LATE);
        for (Long task : tasks) {
            insert = insert.values(org.jooq.impl.DSL.val(task), inline(null, INSIGHT_PENDING.UNIT_ID), inline(null, INSIGHT_PENDING.CYCLE_ID),
                    inline(null, INSIGHT_PENDING.LATE));
        }
        for (KeptCounts.Reported r : reported) {
            insert = insert.values(r.taskId(), r.unitId(), r.cycleId(), r.late());
        }
        return insert;
    }

    /**
     * One step of the applier: takes the oldest changes waiting (another node's applier skips them meanwhile), counts
     * their tasks anew and adds their reports, and deletes them, in the caller's transaction. Returns how many it took.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int apply() {
        // rendered once and kept: the step runs after every few commands under load
        var taken = db.resultQuery(statements.sql("insight-take", this::take))
                .coerce(INSIGHT_PENDING.TASK_ID, INSIGHT_PENDING.UNIT_ID, INSIGHT_PENDING.CYCLE_ID, INSIGHT_PENDING.LATE)
                .fetch();
        Set<Long> tasks = new LinkedHashSet<>();
        List<KeptCounts.Reported> reported = new ArrayList<>();
        taken.forEach(r -> {
            if (r.value2() == null) {
                tasks.add(r.value1());
            } else {
                reported.add(new KeptCounts.Reported(r.value1(), r.value2(), r.value3(), r.value4()));
            }
        });
        counts.refresh(tasks);
        // a report on a task counted anew in this step is counted with it
        counts.addReported(reported.stream().filter(r -> !tasks.contains(r.taskId())).toList());
        return taken.size();
    }

    /** The oldest changes waiting, deleted and returned (those another node's applier holds skipped). */
    private Query take() {
        return db.deleteFrom(INSIGHT_PENDING)
                .where(INSIGHT_PENDING.ID.in(select(INSIGHT_PENDING.ID).from(INSIGHT_PENDING).orderBy(INSIGHT_PENDING.ID)
                        .limit(inline(PER_STEP)).forUpdate().skipLocked()))
                .returning(INSIGHT_PENDING.TASK_ID, INSIGHT_PENDING.UNIT_ID, INSIGHT_PENDING.CYCLE_ID, INSIGHT_PENDING.LATE);
    }
}
