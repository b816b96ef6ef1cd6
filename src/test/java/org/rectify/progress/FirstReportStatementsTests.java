package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ExecutedStatements;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.ProgressFixture.id;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A progress report's submission (issue 14's Q4) stays within its statements: a guard against a change that adds round
 * trips to the commonest write. Counted on the request's thread as the app's jOOQ runs them against the embedded
 * database (the audit chain's link step and the figures' version, on a connection of their own, are not counted).
 */
@IntegrationTest
class FirstReportStatementsTests {

    /**
     * The command's statements for a text-only report submitted at once on a task already in progress, on a cycle not
     * yet due (which no warning looks at): the task read for reporting with its units (1, two before session 17; its
     * indicators and obligations only for a report with measurements or obligation records since session 15; the
     * reporting unit, the caller's own, is no longer read: its name comes with the task's lead units and its path with
     * the caller's scope since session 21), the slot with its version and history, whether the cycle has contributions
     * and whether the plan's cadence is as the cycle kept on this node says (1: three before issue 14's session 14; the
     * answer's contributions read only when it has some since session 17; the cycle read by a statement of its own
     * until session 31, now once per node), and the report written for the kept counts to add with the audit records,
     * in one statement (platform.PendingWrites; two before session 24; the counts' lock and add before session 18 moved
     * them to the node's applier), the transaction's COMMIT sent with it (a round trip of its own until session 32).
     * The audit chain's link step and the counts' applier run after the answer.
     */
    static final int STATEMENTS = 3;

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;

    ProgressFixture plan;

    @BeforeEach
    void plan() throws Exception {
        plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
    }

    @Test
    void a_report_submitted_at_once_takes_one_statement_for_its_slot_version_and_history_and_four_in_all() throws Exception {
        long task = plan.epbTask();
        // a first report starts the task (its own statements: the transition, the counts of a task counted anew)
        plan.report(epbStaff(), task, plan.pastCycle, content("开始整改"), true).andExpect(status().isCreated());
        // another task's report on the cycle: its read is kept on this node from then on
        plan.report(epbStaff(), plan.epbTask(), plan.currentCycle, content("另一任务本期进展"), true).andExpect(status().isCreated());

        List<String> statements = counted(() -> plan.report(epbStaff(), task, plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[0].action").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[1].action").value("DRAFTED"))
                .andExpect(jsonPath("$.unitName").value("市环境保护局"))
                .andExpect(jsonPath("$.contributions").isEmpty()))
                .stream().dropWhile(s -> !s.startsWith("select \"task\".\"id\"")).toList(); // the sign-in's before

        assertThat(statements).as(String.join("\n", statements)).hasSize(STATEMENTS);
        assertThat(statements.stream().filter(s -> s.contains("from \"unit\""))).isEmpty(); // the caller's own unit
        // the kept counts are not touched on the request: the report waits for the applier, in the command's transaction
        // ... and the transaction's COMMIT goes with them, in the same round trip: no commit of its own after them
        assertThat(statements.get(statements.size() - 1)).contains("insert into \"insight_pending\"")
                .contains("insert into \"audit_pending\"").endsWith("; commit");
        assertThat(statements.stream().filter(s -> s.contains("\"insight_task") || s.contains("\"insight_slot\""))).isEmpty();
        assertThat(statements.stream().filter(s -> s.contains("from \"reporting_cycle\""))).isEmpty(); // kept
        assertThat(statements.stream().filter(s -> s.contains("insert into \"report_slot\""))).singleElement()
                .satisfies(s -> assertThat(s).contains("insert into \"progress_report\"").contains("insert into \"report_event\"")
                        .contains("from \"reporting_cadence\""));
        // what the one statement wrote: the slot counting version 1, submitted, with both steps, in order
        var slot = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.TASK_ID.eq(task).and(REPORT_SLOT.CYCLE_ID.eq(plan.currentCycle)))
                .fetchSingle();
        var version = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.SLOT_ID.eq(slot.getId())).fetchSingle();
        assertThat(slot.getState()).isEqualTo(ReportState.SUBMITTED);
        assertThat(slot.getLatestReportId()).isEqualTo(version.getId());
        assertThat(slot.getSubmittedReportId()).isEqualTo(version.getId());
        assertThat(slot.getFirstSubmittedAt()).isEqualTo(version.getSubmittedAt()).isEqualTo(slot.getUpdatedAt());
        assertThat(version.getStatus()).isEqualTo(VersionStatus.SUBMITTED);
        assertThat(version.getWorkDone()).isEqualTo("本期进展");
        assertThat(version.getProblems()).isNull();
        assertThat(db.select(REPORT_EVENT.ACTION).from(REPORT_EVENT).where(REPORT_EVENT.SLOT_ID.eq(slot.getId()))
                .orderBy(REPORT_EVENT.ID).fetch(REPORT_EVENT.ACTION)).containsExactly(ReportStep.DRAFTED, ReportStep.SUBMITTED);
    }

    /**
     * A catch-up report on the plan's last cycle whose grace period is over (the one "report missing" looks at), its
     * cycle read for the first time on this node: the cycle's read says it is that cycle, so the warnings reassess the
     * task without a statement of their own to ask (session 22; six before), and the reassessment's own statements come
     * after the command's.
     */
    @Test
    void a_catch_up_report_on_the_last_cycle_past_its_grace_period_is_known_as_such_from_the_cycles_read() throws Exception {
        long task = plan.epbTask();
        plan.report(epbStaff(), task, plan.currentCycle, content("本期进展"), true).andExpect(status().isCreated()); // starts it

        long[] report = new long[1];
        List<String> statements = counted(() -> report[0] = id(plan.report(epbStaff(), task, plan.pastCycle,
                content("补报上期进展"), true).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn())).stream().dropWhile(s -> !s.startsWith("select \"task\".\"id\"")).toList();

        // the command's four (its cycle read), then the reassessment's (the task's facts, its warning written), no ask
        // between them
        assertThat(statements.get(1)).as(String.join("\n", statements)).contains("from \"reporting_cycle\"");
        assertThat(statements.subList(0, STATEMENTS + 1)).as(String.join("\n", statements))
                .noneMatch(s -> s.contains("\"progress_cycle\"") || s.contains("\"task_warning\""));
        assertThat(statements).as("supervision's ask").noneMatch(s -> s.startsWith("select exists (select 1 as \"one\" from (select distinct on"));
        // the hint is not part of the fact: the audit chain records the submission as before
        var submitted = field(name("object")).eq("report:" + report[0]).and(field(name("action")).eq("report.submitted"));
        String change = db.select(field(name("change"), String.class)).from(table(name("audit_pending"))).where(submitted)
                .unionAll(select(field(name("change"), String.class)).from(table(name("audit_entry"))).where(submitted))
                .fetchSingle().value1(); // (linked into the chain or still waiting)
        assertThat(change).contains("\"cycleId\":" + plan.pastCycle).contains("\"dueOn\"").doesNotContain("lastEnded");
        assertThat(statements.size()).as("reassessed").isGreaterThan(STATEMENTS + 1);
    }

    @Test
    void a_first_reports_answer_shows_the_contributions_made_to_its_cycle_before_it_and_no_others() throws Exception {
        long task = plan.task(List.of("市环境保护局"), List.of("临翔区政府"));
        mvc.perform(post("/api/progress/contributions").with(linxiangStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"cycleId\": %d, \"text\": \"提供了临翔区监测站点位数据\"}"
                                .formatted(task, plan.currentCycle)))
                .andExpect(status().isCreated());
        // the cycle contributed to: the answer has the contribution, as the report's page reads it afterwards
        long report = id(plan.report(epbStaff(), task, plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contributions.length()").value(1))
                .andExpect(jsonPath("$.contributions[0].text").value("提供了临翔区监测站点位数据"))
                .andExpect(jsonPath("$.contributions[0].unitName").value("临翔区政府")).andReturn());
        mvc.perform(get("/api/progress/reports/{id}", report).with(epbStaff())).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.contributions[0].text").value("提供了临翔区监测站点位数据"));
        // another cycle of the same task, and a draft: none
        plan.report(epbStaff(), task, plan.pastCycle, content("上期补报"), true).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contributions").isEmpty());
        long other = plan.epbTask();
        plan.report(epbStaff(), other, plan.currentCycle, content("草稿"), false).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.contributions").isEmpty());
    }

    @Test
    void a_draft_is_written_by_the_same_one_statement_with_its_notes_and_one_step() throws Exception {
        long task = plan.epbTask();
        String notes = "{\"workDone\": \"草稿\", \"phase\": \"IN_PROGRESS\", \"onSchedule\": false, \"problems\": \"  资金未到位 \","
                + " \"nextSteps\": \" \"}";
        long report = id(plan.report(epbStaff(), task, plan.currentCycle, notes, false).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andReturn());

        var version = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(report)).fetchSingle();
        var slot = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.ID.eq(version.getSlotId())).fetchSingle();
        assertThat(slot.getState()).isEqualTo(ReportState.DRAFT);
        assertThat(slot.getLatestReportId()).isEqualTo(report);
        assertThat(slot.getSubmittedReportId()).isNull();
        assertThat(slot.getFirstSubmittedAt()).isNull();
        assertThat(version.getStatus()).isEqualTo(VersionStatus.DRAFT);
        assertThat(version.getSubmittedBy()).isNull();
        assertThat(version.getSubmittedAt()).isNull();
        assertThat(version.getOnSchedule()).isFalse();
        assertThat(version.getProblems()).isEqualTo("资金未到位");
        assertThat(version.getNextSteps()).isNull();
        assertThat(db.select(REPORT_EVENT.ACTION).from(REPORT_EVENT).where(REPORT_EVENT.SLOT_ID.eq(slot.getId()))
                .fetch(REPORT_EVENT.ACTION)).containsExactly(ReportStep.DRAFTED);
    }

    @Test
    void a_report_with_a_measurement_or_an_obligation_record_is_still_checked_against_the_tasks_indicators_and_obligations()
            throws Exception {
        long task = plan.epbTask(); // assigned: its first report starts it
        // the task's indicators and obligations are read for such content only: another task's names are refused ...
        plan.report(epbStaff(), task, plan.currentCycle, """
                        {"workDone": "本期进展", "phase": "IN_PROGRESS", "onSchedule": true,
                         "measurements": [{"indicatorName": "其他指标", "value": "1", "asOf": "%s"}],
                         "obligationRecords": [{"subject": "其他会议", "heldOn": "%s", "body": "会议"}]}"""
                        .formatted(plan.today, plan.today), true)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors['measurements[0].indicatorName']").value("请选择本任务的指标。"))
                .andExpect(jsonPath("$.fieldErrors['obligationRecords[0].subject']").value("请选择本任务的常态化要求。"));
        // ... and its own accepted, the measurement stored with its indicator's unit
        long report = id(plan.report(epbStaff(), task, plan.currentCycle, """
                        {"workDone": "本期进展", "phase": "IN_PROGRESS", "onSchedule": true,
                         "measurements": [{"indicatorName": "监测达标率", "value": "92.5", "asOf": "%s"}],
                         "obligationRecords": [{"subject": "局党组会议研究部署环境保护工作", "heldOn": "%s", "body": "局党组会议"}]}"""
                        .formatted(plan.today, plan.today), true)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED")).andReturn());
        assertThat(db.select(MEASUREMENT.UNIT_OF_MEASURE).from(MEASUREMENT).where(MEASUREMENT.REPORT_ID.eq(report))
                .fetchSingle().value1()).isEqualTo("%");
        assertThat(db.select(OBLIGATION_RECORD.OBLIGATION_SUBJECT).from(OBLIGATION_RECORD).where(OBLIGATION_RECORD.REPORT_ID.eq(report))
                .fetchSingle().value1()).isEqualTo("局党组会议研究部署环境保护工作");
        // a text-only first report, read without them, starts an assigned task as before
        long other = plan.epbTask();
        plan.report(epbStaff(), other, plan.currentCycle, content("开始整改"), true).andExpect(status().isCreated());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/tasks/{id}", other)
                        .with(org.rectify.DemoLogins.office()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.indicators[0].name").value("监测达标率"));
    }

    /** The SQL the app's jOOQ executed on this thread while {@code step} ran. */
    private List<String> counted(Callable<?> step) throws Exception {
        return ExecutedStatements.of(db, step);
    }
}
