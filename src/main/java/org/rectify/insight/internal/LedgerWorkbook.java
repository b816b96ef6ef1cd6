package org.rectify.insight.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.UnitRole;
import org.rectify.platform.ListExport;
import org.rectify.platform.Messages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.listAgg;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.rectify.plans.internal.db.Tables.FINDING;
import static org.rectify.plans.internal.db.Tables.INDICATOR;
import static org.rectify.units.internal.db.Tables.PERSON;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP;

/**
 * The ledger as the offices keep it in Excel (序号, 反馈问题, 整改目标, 整改措施, 责任单位, 配合单位, 责任人, 整改时限, 整改进展,
 * 完成情况, 预警), written by {@link ListExport} in the offices' layout: headers in the first row, frozen and repeated on
 * every printed page, text wrapped, A3 landscape one page wide. Rows are read through a database cursor and streamed, so
 * 100,000 tasks never sit in memory at once.
 */
@Component
class LedgerWorkbook {

    private static final int FETCH_SIZE = 200;

    private final DSLContext db;
    private final Messages messages;
    private final Clock clock;

    LedgerWorkbook(DSLContext db, Messages messages, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void download(Condition tasks, String fileName, HttpServletResponse response) throws IOException {
        Field<Integer> seq = rowNumber().over(orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID)).as("seq");
        Field<String> finding = coalesce(FINDING.TEXT, TASK.TEXT).as("finding");
        Field<String> target = select(listAgg(coalesce(INDICATOR.PHRASE, INDICATOR.NAME), "；").withinGroupOrderBy(INDICATOR.POSITION))
                .from(INDICATOR).where(INDICATOR.TASK_ID.eq(TASK.ID)).asField("target");
        Field<String> lead = units(UnitRole.LEAD);
        Field<String> supporting = units(UnitRole.SUPPORTING);
        Field<String> progress = select(PROGRESS_REPORT.WORK_DONE).from(REPORT_SLOT)
                .join(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID))
                .where(REPORT_SLOT.TASK_ID.eq(TASK.ID)).orderBy(PROGRESS_REPORT.SUBMITTED_AT.desc()).limit(1).asField("progress");
        try (var rows = db.select(seq, TASK.TITLE, finding, target, TASK.MEASURES, lead, supporting, PERSON.NAME,
                        TASK.DEADLINE, progress, TASK.STATUS, TASK_WARNING.LEVEL)
                .from(TASK).leftJoin(FINDING).on(FINDING.ID.eq(TASK.FINDING_ID))
                .leftJoin(PERSON).on(PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .leftJoin(TASK_WARNING).on(TASK_WARNING.TASK_ID.eq(TASK.ID))
                .where(tasks).orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID)
                .fetchSize(FETCH_SIZE).fetchLazy()) {
            ListExport.of(messages.text("insight.export.sheet"), rows, clock.getZone()).withoutTitleRow().onA3()
                    .column(header("seq"), 6, r -> r.get(seq))
                    .column(header("finding"), 40, r -> r.get(finding))
                    .column(header("target"), 30, r -> r.get(target) != null ? r.get(target) : r.get(TASK.TITLE))
                    .column(header("measures"), 45, r -> r.get(TASK.MEASURES))
                    .column(header("leadUnits"), 22, r -> names(r.get(lead)))
                    .column(header("supportingUnits"), 22, r -> names(r.get(supporting)))
                    .column(header("responsible"), 10, r -> r.get(PERSON.NAME))
                    .column(header("deadline"), 12, r -> r.get(TASK.DEADLINE) == null ? messages.text("task.noDeadline") : r.get(TASK.DEADLINE))
                    .column(header("progress"), 45, r -> r.get(progress))
                    .column(header("status"), 10, r -> messages.text("task.status." + TaskStatus.valueOf(r.get(TASK.STATUS))))
                    .column(header("warning"), 10, r -> r.get(TASK_WARNING.LEVEL) == null ? null
                            : messages.text("supervision.level." + r.get(TASK_WARNING.LEVEL)))
                    .download(fileName, response);
        }
    }

    private String header(String column) {
        return messages.text("insight.export." + column);
    }

    /** The task's units of a role, as the plan names them: "group or unit" each once, in their order. */
    private static Field<String> units(UnitRole role) {
        return select(listAgg(coalesce(UNIT_GROUP.NAME, UNIT.NAME), "\u0001").withinGroupOrderBy(TASK_UNIT.POSITION, UNIT.ID))
                .from(TASK_UNIT).join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                .leftJoin(UNIT_GROUP).on(UNIT_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
                .where(TASK_UNIT.TASK_ID.eq(TASK.ID).and(TASK_UNIT.ROLE.eq(inline(role, TASK_UNIT.ROLE)))).asField(role.name().toLowerCase());
    }

    /** Each name once, in order; {@link ListExport} joins them as every list does. */
    private static Collection<String> names(String joined) {
        return joined == null ? List.of() : new LinkedHashSet<>(Arrays.asList(joined.split("\u0001")));
    }
}
