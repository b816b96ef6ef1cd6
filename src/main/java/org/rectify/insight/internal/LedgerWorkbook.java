package org.rectify.insight.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
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
import static org.rectify.plans.api.Tables.PLANS_FINDING;
import static org.rectify.plans.api.Tables.PLANS_INDICATOR;
import static org.rectify.units.api.Tables.UNITS_PERSON;
import static org.rectify.progress.api.Tables.PROGRESS_SUBMITTED_REPORT;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.supervision.api.Tables.SUPERVISION_TASK_WARNING;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.units.api.Tables.UNITS_GROUP;

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

    /** {@code tasks}: the ledger's condition rendered on plans' published {@code plans_task} ({@code TaskLedger#wherePublished}). */
    @Transactional(readOnly = true)
    public void download(Condition tasks, String fileName, HttpServletResponse response) throws IOException {
        Field<Integer> seq = rowNumber().over(orderBy(PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.ID)).as("seq");
        Field<String> finding = coalesce(PLANS_FINDING.TEXT, PLANS_TASK.TEXT).as("finding");
        Field<String> target = select(listAgg(coalesce(PLANS_INDICATOR.PHRASE, PLANS_INDICATOR.NAME), "；").withinGroupOrderBy(PLANS_INDICATOR.POSITION))
                .from(PLANS_INDICATOR).where(PLANS_INDICATOR.TASK_ID.eq(PLANS_TASK.ID)).asField("target");
        Field<String> lead = units(UnitRole.LEAD);
        Field<String> supporting = units(UnitRole.SUPPORTING);
        Field<String> progress = select(PROGRESS_SUBMITTED_REPORT.WORK_DONE).from(PROGRESS_SUBMITTED_REPORT)
                .where(PROGRESS_SUBMITTED_REPORT.TASK_ID.eq(PLANS_TASK.ID)).orderBy(PROGRESS_SUBMITTED_REPORT.SUBMITTED_AT.desc()).limit(1).asField("progress");
        try (var rows = db.select(seq, PLANS_TASK.TITLE, finding, target, PLANS_TASK.MEASURES, lead, supporting, UNITS_PERSON.NAME,
                        PLANS_TASK.DEADLINE, progress, PLANS_TASK.STATUS, SUPERVISION_TASK_WARNING.LEVEL, PLANS_TASK.ONGOING)
                .from(PLANS_TASK).leftJoin(PLANS_FINDING).on(PLANS_FINDING.ID.eq(PLANS_TASK.FINDING_ID))
                .leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(PLANS_TASK.RESPONSIBLE_PERSON_ID))
                .leftJoin(SUPERVISION_TASK_WARNING).on(SUPERVISION_TASK_WARNING.TASK_ID.eq(PLANS_TASK.ID))
                .where(tasks).orderBy(PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.ID)
                .fetchSize(FETCH_SIZE).fetchLazy()) {
            ListExport.of(messages.text("insight.export.sheet"), rows, clock.getZone()).withoutTitleRow().onA3()
                    .column(header("seq"), 6, r -> r.get(seq))
                    .column(header("finding"), 40, r -> r.get(finding))
                    .column(header("target"), 30, r -> r.get(target) != null ? r.get(target) : r.get(PLANS_TASK.TITLE))
                    .column(header("measures"), 45, r -> r.get(PLANS_TASK.MEASURES))
                    .column(header("leadUnits"), 22, r -> names(r.get(lead)))
                    .column(header("supportingUnits"), 22, r -> names(r.get(supporting)))
                    .column(header("responsible"), 10, r -> r.get(UNITS_PERSON.NAME))
                    .column(header("deadline"), 12, r -> r.get(PLANS_TASK.DEADLINE) != null ? r.get(PLANS_TASK.DEADLINE)
                            : messages.text(TaskSummary.readsOngoing(r.get(PLANS_TASK.ONGOING),
                            TaskStatus.valueOf(r.get(PLANS_TASK.STATUS))) ? "task.deadlineOngoing" : "task.noDeadline"))
                    .column(header("progress"), 45, r -> r.get(progress))
                    .column(header("status"), 10, r -> messages.text("task.status." + TaskStatus.valueOf(r.get(PLANS_TASK.STATUS))))
                    .column(header("warning"), 10, r -> r.get(SUPERVISION_TASK_WARNING.LEVEL) == null ? null
                            : messages.text("supervision.level." + r.get(SUPERVISION_TASK_WARNING.LEVEL)))
                    .download(fileName, response);
        }
    }

    private String header(String column) {
        return messages.text("insight.export." + column);
    }

    /** The task's units of a role, as the plan names them: "group or unit" each once, in their order. */
    private static Field<String> units(UnitRole role) {
        return select(listAgg(coalesce(UNITS_GROUP.NAME, UNITS_DIRECTORY.NAME), "\u0001").withinGroupOrderBy(PLANS_TASK_UNIT.POSITION, UNITS_DIRECTORY.ID))
                .from(PLANS_TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(PLANS_TASK_UNIT.VIA_GROUP_ID))
                .where(PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(inline(role, PLANS_TASK_UNIT.ROLE)))).asField(role.name().toLowerCase());
    }

    /** Each name once, in order; {@link ListExport} joins them as every list does. */
    private static Collection<String> names(String joined) {
        return joined == null ? List.of() : new LinkedHashSet<>(Arrays.asList(joined.split("\u0001")));
    }
}
