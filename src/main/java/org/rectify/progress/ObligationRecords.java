package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.selectDistinct;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * The records of recurring duties (meetings held, inspections made, …) that count, as {@link ProgressViews#compliance}
 * counts them: those in the counted version of a submitted report, each once per task, unit and obligation however many
 * reports repeat it (same date, body and topic).
 */
@Service
@Transactional(readOnly = true)
public class ObligationRecords {

    private final DSLContext db;

    ObligationRecords(DSLContext db) {
        this.db = db;
    }

    /**
     * Per lead unit of {@code unitIds}, the records held in each month of {@code year} (index 0 = January) on the tasks
     * of {@code tasks} (a condition on {@code TASK}, such as the ledger's for a filter and scope).
     */
    public Map<Long, int[]> byUnitAndMonth(Condition tasks, Collection<Long> unitIds, int year) {
        Map<Long, int[]> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        var counted = selectDistinct(REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, OBLIGATION_RECORD.OBLIGATION_SUBJECT,
                        OBLIGATION_RECORD.HELD_ON, OBLIGATION_RECORD.BODY, OBLIGATION_RECORD.TOPIC)
                .from(REPORT_SLOT).join(OBLIGATION_RECORD).on(OBLIGATION_RECORD.REPORT_ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID))
                .join(TASK).on(TASK.ID.eq(REPORT_SLOT.TASK_ID))
                .where(tasks.and(REPORT_SLOT.UNIT_ID.in(unitIds)).and(REPORT_SLOT.STATE.eq(ReportState.SUBMITTED))
                        .and(OBLIGATION_RECORD.HELD_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))))
                .asTable("counted");
        Field<Long> unit = counted.field(REPORT_SLOT.UNIT_ID);
        Field<Integer> month = extract(counted.field(OBLIGATION_RECORD.HELD_ON), org.jooq.DatePart.MONTH);
        db.select(unit, month, count()).from(counted).groupBy(unit, month)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new int[12])[r.value2() - 1] = r.value3());
        return out;
    }
}
