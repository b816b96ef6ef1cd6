package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.rectify.plans.TaskConditions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.selectDistinct;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;

/**
 * The records of recurring duties (meetings held, inspections made, …) that count: those in the counted version of a
 * submitted report, each once per task, unit and obligation however many reports repeat it (same date, body and
 * topic). The one definition behind {@link ProgressViews#compliance}, {@link TaskObligations} and the dashboard.
 */
@Service
@Transactional(readOnly = true)
public class ObligationRecords {

    private final DSLContext db;

    ObligationRecords(DSLContext db) {
        this.db = db;
    }

    /** A record that counts: on a task, by a lead unit, for an obligation (by its subject), on a day. */
    public record Counted(long taskId, long unitId, String subject, LocalDate heldOn) {
    }

    /** The records that count held from {@code from} to {@code to} on the report slots of {@code slots} (a condition on {@code REPORT_SLOT}). */
    public List<Counted> of(Condition slots, LocalDate from, LocalDate to) {
        Table<?> counted = counted(slots, from, to);
        return db.select(counted.field(REPORT_SLOT.TASK_ID), counted.field(REPORT_SLOT.UNIT_ID),
                        counted.field(OBLIGATION_RECORD.OBLIGATION_SUBJECT), counted.field(OBLIGATION_RECORD.HELD_ON))
                .from(counted).fetch(r -> new Counted(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Per lead unit of {@code unitIds}, the records held in each month of {@code year} (index 0 = January) on the tasks
     * of {@code tasks} (a condition on plans' task table, such as the ledger's for a filter and scope, read as the task ids
     * it selects: {@link TaskConditions#ids}).
     */
    public Map<Long, int[]> byUnitAndMonth(Condition tasks, Collection<Long> unitIds, int year) {
        Map<Long, int[]> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        Table<?> counted = counted(REPORT_SLOT.TASK_ID.in(TaskConditions.ids(tasks)).and(REPORT_SLOT.UNIT_ID.in(unitIds)), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        Field<Long> unit = counted.field(REPORT_SLOT.UNIT_ID);
        Field<Integer> month = extract(counted.field(OBLIGATION_RECORD.HELD_ON), org.jooq.DatePart.MONTH);
        db.select(unit, month, count()).from(counted).groupBy(unit, month)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new int[12])[r.value2() - 1] = r.value3());
        return out;
    }

    /** The distinct records of submitted slots matching {@code where}. */
    private static Table<?> counted(Condition where, LocalDate from, LocalDate to) {
        var select = selectDistinct(REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, OBLIGATION_RECORD.OBLIGATION_SUBJECT,
                OBLIGATION_RECORD.HELD_ON, OBLIGATION_RECORD.BODY, OBLIGATION_RECORD.TOPIC)
                .from(REPORT_SLOT).join(OBLIGATION_RECORD).on(OBLIGATION_RECORD.REPORT_ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID));
        return select.where(where.and(REPORT_SLOT.STATE.eq(ReportState.SUBMITTED)).and(OBLIGATION_RECORD.HELD_ON.between(from, to)))
                .asTable("counted");
    }
}
