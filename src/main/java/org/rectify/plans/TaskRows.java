package org.rectify.plans;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.val;
import static org.rectify.plans.internal.db.Tables.INDICATOR;
import static org.rectify.plans.internal.db.Tables.MILESTONE;
import static org.rectify.plans.internal.db.Tables.OBLIGATION;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_HISTORY;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;

/**
 * Writes the rows of many tasks at once, a statement per table for the whole batch (or per {@link #BINDS} bind values):
 * every statement on task and task_unit fires the statement triggers that keep the reach, the open reach, the duties
 * and the counts (V45, V52, V67, V68, V70), a few milliseconds per call whatever its rows, so rows written one task at
 * a time paid them several times per task (issue 14: a 2,000-task plan published in 1.5-4 minutes).
 */
final class TaskRows {

    /** Bind values per statement at most: PostgreSQL's protocol takes 65,535, jOOQ inlines beyond 32,767. */
    static final int BINDS = 30_000;

    /** A task to insert: its content with the columns {@link Tasks} worked out. */
    record NewTask(TaskContent content, String ref, LocalDate deadline, NewTaskReach reach) {
    }

    /** A task's units, each unit with the group it came through (null when named itself), in the order written. */
    record Units(long taskId, Map<Long, Long> lead, Map<Long, Long> supporting) {
    }

    /** A line of a task's history. */
    record History(long taskId, String action, TaskStatus from, TaskStatus to, int version) {
    }

    private final DSLContext db;

    TaskRows(DSLContext db) {
        this.db = db;
    }

    /**
     * Inserts the tasks in {@code status} at {@code version}, at positions from {@code firstPosition} in the order
     * given; their ids in that order.
     */
    List<Long> insertTasks(long planId, List<NewTask> tasks, int firstPosition, TaskStatus status, int version, Instant at) {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        List<Field<?>> columns = List.of(TASK.PLAN_ID, TASK.REF, TASK.POSITION, TASK.TITLE, TASK.TEXT, TASK.MEASURES,
                TASK.ONGOING, TASK.DEADLINE, TASK.STATUS, TASK.VERSION, TASK.CREATED_AT, TASK.UPDATED_AT,
                TASK.UNIT_REACH, TASK.LEAD_REACH, TASK.LEAD_UNIT_IDS, TASK.LEAD_GROUP_IDS); // the office reach: V26's row trigger
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        for (NewTask t : tasks) {
            positions.put(t.ref(), firstPosition + positions.size());
        }
        for (List<NewTask> part : parts(tasks, columns.size())) {
            List<RowN> rows = part.stream().map(t -> row(columns, planId, t.ref(), positions.get(t.ref()),
                    blankToNull(t.content().title()), t.content().text().strip(), blankToNull(t.content().measures()),
                    t.content().ongoing(), t.deadline(), status.name(), version, now, now, t.reach().unitReach(),
                    t.reach().leadReach(), t.reach().leadUnitIds(), t.reach().leadGroupIds())).toList();
            db.insertInto(TASK).columns(columns).valuesOfRows(rows).returningResult(TASK.REF, TASK.ID)
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return tasks.stream().map(t -> ids.get(t.ref())).toList(); // a plan's refs are unique
    }

    /** Sets the responsible person of these tasks (task id → person id). */
    void setResponsible(Map<Long, Long> personByTask) {
        List<Row2<Long, Long>> rows = personByTask.entrySet().stream().map(e -> DSL.row(e.getKey(), e.getValue())).toList();
        for (List<Row2<Long, Long>> part : parts(rows, 2)) {
            Table<?> given = DSL.values(part.toArray(Row2[]::new)).as("given", "task_id", "person_id");
            db.update(TASK).set(TASK.RESPONSIBLE_PERSON_ID, given.field("person_id", Long.class)).from(given)
                    .where(TASK.ID.eq(given.field("task_id", Long.class))).execute();
        }
    }

    /** The tasks' lead and supporting units. */
    void insertUnits(List<Units> tasks) {
        List<Object[]> rows = new ArrayList<>();
        for (Units t : tasks) {
            for (UnitRole role : List.of(UnitRole.LEAD, UnitRole.SUPPORTING)) {
                int position = 0;
                for (Map.Entry<Long, Long> unit : (role == UnitRole.LEAD ? t.lead() : t.supporting()).entrySet()) {
                    rows.add(new Object[]{t.taskId(), unit.getKey(), role, unit.getValue(), position++});
                }
            }
        }
        insert(rows, TASK_UNIT, List.of(TASK_UNIT.TASK_ID, TASK_UNIT.UNIT_ID, TASK_UNIT.ROLE, TASK_UNIT.VIA_GROUP_ID,
                TASK_UNIT.POSITION), true);
    }

    /** The tasks' milestones, indicators and obligations (task ids in the order of {@code contents}). */
    void insertParts(List<Long> taskIds, List<TaskContent> contents) {
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        List<Object[]> obligations = new ArrayList<>();
        for (int t = 0; t < taskIds.size(); t++) {
            long id = taskIds.get(t);
            TaskContent c = contents.get(t);
            int i = 0;
            for (Milestone m : c.milestones()) {
                milestones.add(new Object[]{id, m.dueOn(), m.deliverable().strip(), m.phrase(), i++});
            }
            i = 0;
            for (Indicator ind : c.indicators()) {
                indicators.add(new Object[]{id, ind.name().strip(), ind.comparator().symbol, ind.targetValue(),
                        ind.unitOfMeasure(), ind.dueOn(), ind.baseline(), ind.phrase(), i++});
            }
            i = 0;
            for (Obligation o : c.obligations()) {
                obligations.add(new Object[]{id, o.subject().strip(), o.atLeast(), o.per().name(), o.startsOn(), o.phrase(), i++});
            }
        }
        insert(milestones, MILESTONE, List.of(MILESTONE.TASK_ID, MILESTONE.DUE_ON, MILESTONE.DELIVERABLE, MILESTONE.PHRASE,
                MILESTONE.POSITION), false);
        insert(indicators, INDICATOR, List.of(INDICATOR.TASK_ID, INDICATOR.NAME, INDICATOR.COMPARATOR,
                INDICATOR.TARGET_VALUE, INDICATOR.UNIT_OF_MEASURE, INDICATOR.DUE_ON, INDICATOR.BASELINE, INDICATOR.PHRASE,
                INDICATOR.POSITION), false);
        insert(obligations, OBLIGATION, List.of(OBLIGATION.TASK_ID, OBLIGATION.SUBJECT, OBLIGATION.AT_LEAST,
                OBLIGATION.PER, OBLIGATION.STARTS_ON, OBLIGATION.PHRASE, OBLIGATION.POSITION), false);
    }

    /** Lines of history without a reason, changes or relapse (a creation, an assignment), in this order. */
    void insertHistory(List<History> lines, Instant at, String actor) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<Object[]> rows = lines.stream().map(h -> new Object[]{h.taskId(), when, actor, h.action(),
                h.from() == null ? null : h.from().name(), h.to() == null ? null : h.to().name(), h.version(), false})
                .toList();
        insert(rows, TASK_HISTORY, List.of(TASK_HISTORY.TASK_ID, TASK_HISTORY.OCCURRED_AT, TASK_HISTORY.ACTOR,
                TASK_HISTORY.ACTION, TASK_HISTORY.FROM_STATUS, TASK_HISTORY.TO_STATUS, TASK_HISTORY.TASK_VERSION,
                TASK_HISTORY.RELAPSE), false);
    }

    private void insert(List<Object[]> rows, Table<?> table, List<Field<?>> columns, boolean skipConflicts) {
        for (List<Object[]> part : parts(rows, columns.size())) {
            var insert = db.insertInto(table).columns(columns).valuesOfRows(part.stream().map(r -> row(columns, r)).toList());
            (skipConflicts ? insert.onConflictDoNothing() : insert).execute();
        }
    }

    /** The values as a row of these columns, each bound as its column binds it (its type and converter). */
    private static RowN row(List<Field<?>> columns, Object... values) {
        Field<?>[] fields = new Field<?>[values.length];
        for (int i = 0; i < values.length; i++) {
            fields[i] = val(values[i], columns.get(i));
        }
        return DSL.row(fields);
    }

    /** The rows in runs of at most {@link #BINDS} bind values, in order. */
    private static <T> List<List<T>> parts(List<T> rows, int columns) {
        int size = Math.max(1, BINDS / columns);
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += size) {
            parts.add(rows.subList(i, Math.min(i + size, rows.size())));
        }
        return parts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
