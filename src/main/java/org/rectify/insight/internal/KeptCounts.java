package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.InsertValuesStep6;
import org.jooq.Query;
import org.rectify.insight.internal.db.tables.records.InsightCountRecord;
import org.rectify.insight.internal.db.tables.records.InsightMonthRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.sum;
import static org.rectify.insight.internal.db.Tables.INSIGHT_COUNT;
import static org.rectify.insight.internal.db.Tables.INSIGHT_MONTH;
import static org.rectify.insight.internal.db.Tables.INSIGHT_TASK;
import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * The dashboard's counts kept ready: each task's {@link TaskTally} stored, and its dimensions counted under every scope
 * key that sees it ({@code insight_count}; {@code insight_month} for the burn-up). A change of tasks takes away their
 * old tallies and adds the new ones, in the transaction that changed them; {@link #rebuild} counts everything afresh.
 */
@Component
class KeptCounts {

    private static final int CHUNK = 1_000;

    private final DSLContext db;
    private final TallySource source;
    /** Whether this node has found the counts complete or built them (until then the dashboard counts live). */
    private volatile boolean ready;

    KeptCounts(DSLContext db, TallySource source) {
        this.db = db;
        this.source = source;
    }

    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** Counts the tasks anew as the tables hold them now (a task gone is taken away). */
    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(Collection<Long> taskIds) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(taskIds));
        if (ids.isEmpty()) {
            return;
        }
        for (int i = 0; i < ids.size(); i += CHUNK) {
            refreshChunk(ids.subList(i, Math.min(i + CHUNK, ids.size())));
        }
    }

    private void refreshChunk(List<Long> ids) {
        // a row for each task first, then locked, in id order: two transactions counting the same task take turns
        var placeholders = db.insertInto(INSIGHT_TASK, INSIGHT_TASK.TASK_ID, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION,
                INSIGHT_TASK.STATUS, INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL, INSIGHT_TASK.KEYS);
        ids.forEach(id -> placeholders.values(id, 0L, "", "", "", "", new String[0]));
        placeholders.onConflictDoNothing().execute();
        Map<Long, TaskTally> before = new HashMap<>();
        db.selectFrom(INSIGHT_TASK).where(INSIGHT_TASK.TASK_ID.in(ids)).orderBy(INSIGHT_TASK.TASK_ID).forUpdate()
                .forEach(r -> before.put(r.getTaskId(), stored(r)));
        Map<Long, TaskTally> now = new HashMap<>();
        source.of(ids).forEach(t -> now.put(t.taskId(), t));
        Delta delta = new Delta();
        List<Query> writes = new ArrayList<>();
        List<TaskTally> changed = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (Long id : ids) {
            TaskTally old = before.get(id);
            TaskTally current = now.get(id);
            if (Objects.equals(old, current)) {
                continue;
            }
            if (old != null) {
                delta.add(old, -1);
            }
            if (current == null) {
                gone.add(id);
            } else {
                delta.add(current, 1);
                changed.add(current);
            }
        }
        if (!changed.isEmpty()) {
            writes.add(store(changed));
        }
        if (!gone.isEmpty()) {
            writes.add(db.deleteFrom(INSIGHT_TASK).where(INSIGHT_TASK.TASK_ID.in(gone)));
        }
        writes.addAll(delta.writes(db));
        if (!writes.isEmpty()) {
            db.batch(writes).execute();
        }
    }

    /** Every count afresh from the source tables; refreshes meanwhile wait (the table lock) and then apply to it. */
    @Transactional
    int rebuild() {
        db.execute("lock table insight_task in exclusive mode");
        db.deleteFrom(INSIGHT_COUNT).execute();
        db.deleteFrom(INSIGHT_MONTH).execute();
        db.deleteFrom(INSIGHT_TASK).execute();
        Delta delta = new Delta();
        List<TaskTally> rows = new ArrayList<>();
        int[] tasks = {0};
        source.all(t -> {
            delta.add(t, 1);
            rows.add(t);
            tasks[0]++;
            if (rows.size() >= CHUNK) {
                store(rows).execute();
                rows.clear();
            }
        });
        if (!rows.isEmpty()) {
            store(rows).execute();
        }
        List<Query> counts = delta.writes(db);
        for (int i = 0; i < counts.size(); i += 50) {
            db.batch(counts.subList(i, Math.min(i + 50, counts.size()))).execute();
        }
        return tasks[0];
    }

    /** Whether the kept counts miss tasks or count some no longer there: none kept yet, or a different number. */
    @Transactional(readOnly = true)
    boolean stale() {
        int tasks = db.fetchCount(TASK);
        Long kept = db.select(sum(INSIGHT_COUNT.TASKS)).from(INSIGHT_COUNT).where(INSIGHT_COUNT.SCOPE_KEY.eq(TaskTally.ALL))
                .fetchOne(0, Long.class);
        return db.fetchCount(INSIGHT_TASK) != tasks || (kept == null ? 0 : kept) != tasks;
    }

    /**
     * The tallies as stored rows, replacing any there: one statement for a chunk (a statement per task took minutes at
     * province scale when the counts were rebuilt).
     */
    private Query store(List<TaskTally> tallies) {
        var rows = db.insertInto(INSIGHT_TASK, INSIGHT_TASK.TASK_ID, INSIGHT_TASK.PLAN_ID, INSIGHT_TASK.SECTION, INSIGHT_TASK.STATUS,
                INSIGHT_TASK.SCHEDULE, INSIGHT_TASK.LEVEL, INSIGHT_TASK.DUE_MONTH, INSIGHT_TASK.CLOSED_MONTH, INSIGHT_TASK.KEYS);
        tallies.forEach(t -> rows.values(t.taskId(), t.planId(), t.section(), t.status(), t.schedule(), t.level(), t.dueMonth(),
                t.closedMonth(), t.keys().toArray(String[]::new)));
        return rows.onConflict(INSIGHT_TASK.TASK_ID).doUpdate()
                .set(INSIGHT_TASK.PLAN_ID, excluded(INSIGHT_TASK.PLAN_ID)).set(INSIGHT_TASK.SECTION, excluded(INSIGHT_TASK.SECTION))
                .set(INSIGHT_TASK.STATUS, excluded(INSIGHT_TASK.STATUS)).set(INSIGHT_TASK.SCHEDULE, excluded(INSIGHT_TASK.SCHEDULE))
                .set(INSIGHT_TASK.LEVEL, excluded(INSIGHT_TASK.LEVEL)).set(INSIGHT_TASK.DUE_MONTH, excluded(INSIGHT_TASK.DUE_MONTH))
                .set(INSIGHT_TASK.CLOSED_MONTH, excluded(INSIGHT_TASK.CLOSED_MONTH)).set(INSIGHT_TASK.KEYS, excluded(INSIGHT_TASK.KEYS));
    }

    private static TaskTally stored(org.rectify.insight.internal.db.tables.records.InsightTaskRecord r) {
        return new TaskTally(r.getTaskId(), r.getPlanId(), r.getSection(), r.getStatus(), r.getSchedule(), r.getLevel(),
                r.getDueMonth(), r.getClosedMonth(), List.of(r.getKeys()));
    }

    /** Changes to the counts, summed per row, written in key order (concurrent writers lock rows in one order). */
    private static final class Delta {

        private record CountKey(String scope, long plan, String section, String status, String schedule, String level) {
        }

        private record MonthKey(String scope, long plan, String section, LocalDate month) {
        }

        private static final Comparator<CountKey> COUNT_ORDER = Comparator.comparing(CountKey::scope).thenComparingLong(CountKey::plan)
                .thenComparing(CountKey::section).thenComparing(CountKey::status).thenComparing(CountKey::schedule)
                .thenComparing(CountKey::level);
        private static final Comparator<MonthKey> MONTH_ORDER = Comparator.comparing(MonthKey::scope).thenComparingLong(MonthKey::plan)
                .thenComparing(MonthKey::section).thenComparing(MonthKey::month);

        private final Map<CountKey, Integer> counts = new TreeMap<>(COUNT_ORDER);
        private final Map<MonthKey, int[]> months = new TreeMap<>(MONTH_ORDER);

        void add(TaskTally t, int sign) {
            for (String key : t.keys()) {
                counts.merge(new CountKey(key, t.planId(), t.section(), t.status(), t.schedule(), t.level()), sign, Integer::sum);
                if (t.dueMonth() != null) {
                    months.computeIfAbsent(new MonthKey(key, t.planId(), t.section(), t.dueMonth()), k -> new int[2])[0] += sign;
                }
                if (t.closedMonth() != null) {
                    months.computeIfAbsent(new MonthKey(key, t.planId(), t.section(), t.closedMonth()), k -> new int[2])[1] += sign;
                }
            }
        }

        List<Query> writes(DSLContext db) {
            List<Query> writes = new ArrayList<>();
            InsertValuesStep7<InsightCountRecord, String, Long, String, String, String, String, Integer> count = null;
            int n = 0;
            for (var e : counts.entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                if (count == null) {
                    count = db.insertInto(INSIGHT_COUNT, INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.SECTION,
                            INSIGHT_COUNT.STATUS, INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL, INSIGHT_COUNT.TASKS);
                }
                CountKey k = e.getKey();
                count.values(k.scope(), k.plan(), k.section(), k.status(), k.schedule(), k.level(), e.getValue());
                if (++n % CHUNK == 0) {
                    writes.add(upsertCount(count));
                    count = null;
                }
            }
            if (count != null) {
                writes.add(upsertCount(count));
            }
            InsertValuesStep6<InsightMonthRecord, String, Long, String, LocalDate, Integer, Integer> month = null;
            n = 0;
            for (var e : months.entrySet()) {
                if (e.getValue()[0] == 0 && e.getValue()[1] == 0) {
                    continue;
                }
                if (month == null) {
                    month = db.insertInto(INSIGHT_MONTH, INSIGHT_MONTH.SCOPE_KEY, INSIGHT_MONTH.PLAN_ID, INSIGHT_MONTH.SECTION,
                            INSIGHT_MONTH.MONTH, INSIGHT_MONTH.DUE, INSIGHT_MONTH.CLOSED);
                }
                MonthKey k = e.getKey();
                month.values(k.scope(), k.plan(), k.section(), k.month(), e.getValue()[0], e.getValue()[1]);
                if (++n % CHUNK == 0) {
                    writes.add(upsertMonth(month));
                    month = null;
                }
            }
            if (month != null) {
                writes.add(upsertMonth(month));
            }
            return writes;
        }

        private static Query upsertCount(InsertValuesStep7<InsightCountRecord, String, Long, String, String, String, String, Integer> rows) {
            return rows.onConflict(INSIGHT_COUNT.SCOPE_KEY, INSIGHT_COUNT.PLAN_ID, INSIGHT_COUNT.SECTION, INSIGHT_COUNT.STATUS,
                    INSIGHT_COUNT.SCHEDULE, INSIGHT_COUNT.LEVEL).doUpdate()
                    .set(INSIGHT_COUNT.TASKS, INSIGHT_COUNT.TASKS.plus(excluded(INSIGHT_COUNT.TASKS)));
        }

        private static Query upsertMonth(InsertValuesStep6<InsightMonthRecord, String, Long, String, LocalDate, Integer, Integer> rows) {
            return rows.onConflict(INSIGHT_MONTH.SCOPE_KEY, INSIGHT_MONTH.PLAN_ID, INSIGHT_MONTH.SECTION, INSIGHT_MONTH.MONTH).doUpdate()
                    .set(INSIGHT_MONTH.DUE, INSIGHT_MONTH.DUE.plus(excluded(INSIGHT_MONTH.DUE)))
                    .set(INSIGHT_MONTH.CLOSED, INSIGHT_MONTH.CLOSED.plus(excluded(INSIGHT_MONTH.CLOSED)));
        }
    }
}
