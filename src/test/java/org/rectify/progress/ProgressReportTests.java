package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.ProgressFixture.id;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A unit's report through its life, and every refusal leaving nothing behind. */
@IntegrationTest
@RecordApplicationEvents
class ProgressReportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    org.rectify.audit.AuditLog auditLog;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.rectify.supervision.Warnings warnings;
    @Autowired
    TransactionTemplate transactions;

    ProgressFixture plan;

    @BeforeEach
    void plan() throws Exception {
        plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
    }

    @Test
    void a_unit_submits_a_report_and_the_office_sees_it_submitted_in_the_matrix() throws Exception {
        long task = plan.epbTask();
        fixtureReport(task).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.slot.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.unitName").value("市环境保护局"))
                .andExpect(jsonPath("$.measurements[0].value").value(92.5))
                .andExpect(jsonPath("$.obligationRecords[0].body").value("局党组会议"));

        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId).with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cycle.id").value(plan.currentCycle))
                .andExpect(jsonPath("$.rows[0].ref").exists())
                .andExpect(jsonPath("$.rows[0].cells[0].unitName").value("市环境保护局"))
                .andExpect(jsonPath("$.rows[0].cells[0].status.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.counts.SUBMITTED").value(1));
    }

    @Test
    void a_report_written_and_submitted_at_once_answers_as_it_reads_back_with_both_steps_in_its_history() throws Exception {
        long task = plan.epbTask();
        var created = fixtureReport(task).andExpect(status().isCreated()).andReturn();
        long report = id(created);
        var read = mvc.perform(get("/api/progress/reports/{id}", report).with(epbStaff())).andExpect(status().isOk()).andReturn();

        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var answer = json.readTree(ProgressFixture.body(created));
        assertThat(answer).isEqualTo(json.readTree(ProgressFixture.body(read)).get("report"));
        assertThat(answer.get("history").findValuesAsString("action")).containsExactly("SUBMITTED", "DRAFTED");
        assertThat(answer.get("attachments").get(0).get("url").asString()).isEqualTo("https://www.lincang.gov.cn/news/1");
        var slot = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.TASK_ID.eq(task)).fetchSingle();
        assertThat(slot.getState()).isEqualTo(ReportState.SUBMITTED);
        assertThat(slot.getSubmittedReportId()).isEqualTo(report);
        assertThat(slot.getLatestReportId()).isEqualTo(report);
        assertThat(slot.getFirstSubmittedAt()).isNotNull();
        assertThat(events.stream(ReportDrafted.class).filter(e -> e.reportId() == report)).hasSize(1);
        assertThat(events.stream(ReportSubmitted.class).filter(e -> e.reportId() == report)).hasSize(1);
    }

    @Test
    void a_report_of_text_only_answers_as_it_reads_back_whether_saved_as_a_draft_or_submitted_at_once() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (boolean submit : List.of(false, true)) {
            long task = plan.epbTask();
            var created = plan.report(epbStaff(), task, plan.currentCycle, content("仅文字的进展" + submit), submit)
                    .andExpect(status().isCreated()).andReturn();
            var read = mvc.perform(get("/api/progress/reports/{id}", id(created)).with(epbStaff())).andExpect(status().isOk())
                    .andReturn();
            var answer = json.readTree(ProgressFixture.body(created));
            assertThat(answer).as("submitted: %s", submit).isEqualTo(json.readTree(ProgressFixture.body(read)).get("report"));
            assertThat(answer.get("history").findValuesAsString("action"))
                    .isEqualTo(submit ? List.of("SUBMITTED", "DRAFTED") : List.of("DRAFTED"));
            assertThat(answer.get("versions")).hasSize(1);
            assertThat(answer.get("measurements")).isEmpty();
        }
    }

    @Test
    void a_report_with_no_text_is_refused_and_nothing_is_stored() throws Exception {
        long task = plan.epbTask();
        plan.report(epbStaff(), task, plan.currentCycle, "{\"workDone\": \"  \", \"phase\": \"IN_PROGRESS\", \"onSchedule\": true}", true)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.workDone").value("请填写本期工作进展。"));
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(task))).isZero();
    }

    @Test
    void a_measurement_that_is_not_a_number_is_refused_at_its_field() throws Exception {
        long task = plan.epbTask();
        plan.report(epbStaff(), task, plan.currentCycle, """
                        {"workDone": "本期进展", "phase": "IN_PROGRESS", "onSchedule": true,
                         "measurements": [{"indicatorName": "监测达标率", "value": "九十", "asOf": "%s"}]}""".formatted(plan.today), true)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors['measurements[0].value']").value(containsString("必须是数字")));
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(task))).isZero();
    }

    @Test
    void a_report_for_a_task_outside_the_callers_scope_answers_404() throws Exception {
        long task = plan.epbTask(); // 临翔区政府 neither leads nor supports it
        plan.report(linxiangStaff(), task, plan.currentCycle, content("越权填报"), true)
                .andExpect(status().isNotFound());
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
    }

    @Test
    void a_supporting_unit_cannot_write_the_lead_units_report_but_contributes_to_it() throws Exception {
        long task = plan.task(List.of("市财政局"), List.of("市环境保护局")); // 市环境保护局 only supports it
        plan.report(epbStaff(), task, plan.currentCycle, content("代责任单位填报"), true)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("配合材料")));
        // the office and supervisors are not units: they read, they do not report
        plan.report(office(), task, plan.currentCycle, content("代填"), true).andExpect(status().isForbidden());

        mvc.perform(post("/api/progress/contributions").with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"cycleId\": %d, \"text\": \"提供了全市监测站点位数据\"}"
                                .formatted(task, plan.currentCycle)))
                .andExpect(status().isCreated());
        var contribution = new org.springframework.mock.web.MockMultipartFile("contribution", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"taskId\": %d, \"cycleId\": %d, \"text\": \"附监测数据表\"}".formatted(task, plan.currentCycle)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/progress/contributions")
                        .file(contribution).file(ProgressFixture.file("点位.csv", "点位,数值\n临翔,36\n".getBytes()))
                        .with(epbStaff()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(jsonPath("$.plans[0].supporting[?(@.taskId == %d)].contributions".formatted(task)).value(2));
        assertThat(events.stream(ReportContributed.class).filter(e -> e.taskId() == task)
                .map(ReportContributed::leadUnitId).distinct()).containsExactly(plan.unit("市财政局"));
        // a unit that neither leads nor supports the task cannot contribute either: it does not see the task
        mvc.perform(post("/api/progress/contributions").with(linxiangStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"cycleId\": %d, \"text\": \"x\"}".formatted(task, plan.currentCycle)))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_second_first_report_for_the_same_cycle_is_refused_with_409_and_a_new_version_is_accepted() throws Exception {
        long task = plan.epbTask();
        long first = plan.submitted(epbStaff(), task, plan.currentCycle);
        plan.report(epbStaff(), task, plan.currentCycle, content("又报一次"), true)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("如需更正")));

        long second = id(mvc.perform(post("/api/progress/reports/{id}/versions", first).with(epbStaff()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.supersedesId").value(first))
                .andExpect(jsonPath("$.workDone").value("本期完成监测站标准化建设方案的编制。"))
                .andReturn());
        mvc.perform(put("/api/progress/reports/{id}", second).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\": " + content("更正：方案已经局务会审议通过。") + "}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports/{id}/submit", second).with(epbStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.slot.submittedReportId").value(second))
                .andExpect(jsonPath("$.versions", hasSize(2)))
                .andExpect(jsonPath("$.versions[0].version").value(2))
                .andExpect(jsonPath("$.versions[1].version").value(1));
        // the first version is still there, word for word
        mvc.perform(get("/api/progress/reports/{id}", first).with(office()))
                .andExpect(jsonPath("$.report.workDone").value("本期完成监测站标准化建设方案的编制。"))
                .andExpect(jsonPath("$.report.status").value("SUBMITTED"));
    }

    @Test
    void a_submitted_report_is_never_changed_not_through_the_api_and_not_in_the_database() throws Exception {
        long task = plan.epbTask();
        long report = plan.submitted(epbStaff(), task, plan.currentCycle);
        mvc.perform(put("/api/progress/reports/{id}", report).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\": " + content("改写已提交的报告") + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/progress/reports/{id}/submit", report).with(epbStaff())).andExpect(status().isConflict());
        assertThatThrownBy(() -> db.update(PROGRESS_REPORT).set(PROGRESS_REPORT.WORK_DONE, "篡改")
                .where(PROGRESS_REPORT.ID.eq(report)).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> db.deleteFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(report)).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class);
        assertThat(db.select(PROGRESS_REPORT.WORK_DONE).from(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(report))
                .fetchOne(PROGRESS_REPORT.WORK_DONE)).isEqualTo("本期完成监测站标准化建设方案的编制。");
    }

    @Test
    void where_the_plan_requires_it_the_head_approves_before_the_report_counts_as_submitted() throws Exception {
        ProgressFixture approving = ProgressFixture.plan(mvc, units, plan.today, true);
        long task = approving.epbTask();
        long report = id(approving.report(epbStaff(), task, approving.currentCycle, content("待审核的报告"), true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.slot.state").value("AWAITING_APPROVAL")).andReturn());
        matrixState(approving, "AWAITING_APPROVAL");
        // staff may not approve their own report; the head may
        mvc.perform(post("/api/progress/reports/{id}/approve", report).with(epbStaff())).andExpect(status().isForbidden());
        mvc.perform(post("/api/progress/reports/{id}/approve", report).with(as("epb-head")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedBy").value(containsString("市环保局负责人")));
        matrixState(approving, "SUBMITTED");
        assertThat(events.stream(ReportApproved.class).filter(e -> e.reportId() == report)).hasSize(1);
        assertThat(events.stream(ReportSubmitted.class).filter(e -> e.reportId() == report)).hasSize(1);
    }

    @Test
    void the_head_sends_a_report_back_with_a_comment_and_it_is_a_draft_again() throws Exception {
        ProgressFixture approving = ProgressFixture.plan(mvc, units, plan.today, true);
        long task = approving.epbTask();
        long report = id(approving.report(epbStaff(), task, approving.currentCycle, content("初稿"), true).andReturn());
        mvc.perform(post("/api/progress/reports/{id}/send-back", report).with(as("epb-head"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/progress/reports/{id}/send-back", report).with(as("epb-head"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"请补充监测数据\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.history[0].action").value("SENT_BACK"))
                .andExpect(jsonPath("$.history[0].comment").value("请补充监测数据"));
        assertThat(events.stream(ReportSentBack.class).filter(e -> e.reportId() == report)).hasSize(1);
    }

    @Test
    void the_office_returns_a_report_with_comments_and_the_unit_answers_with_a_new_version() throws Exception {
        long task = plan.epbTask();
        long report = plan.submitted(epbStaff(), task, plan.currentCycle);
        mvc.perform(post("/api/progress/reports/{id}/return", report).with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.comment").exists());
        mvc.perform(post("/api/progress/reports/{id}/return", report).with(epbStaff())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"自己退回\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/progress/reports/{id}/return", report).with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"佐证材料不足，请补充监测报告\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slot.state").value("RETURNED"))
                .andExpect(jsonPath("$.versions[0].returned").value(true))
                .andExpect(jsonPath("$.versions[0].returnComment").value("佐证材料不足，请补充监测报告"));
        matrixState(plan, "RETURNED");
        mvc.perform(get("/api/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(jsonPath("$.plans[0].items[?(@.taskId == %d)].status.state".formatted(task)).value("RETURNED"));

        long correction = id(mvc.perform(post("/api/progress/reports/{id}/versions", report).with(epbStaff()))
                .andExpect(status().isCreated()).andReturn());
        mvc.perform(post("/api/progress/reports/{id}/submit", correction).with(epbStaff()))
                .andExpect(jsonPath("$.slot.state").value("SUBMITTED"));
        matrixState(plan, "SUBMITTED");
        assertThat(events.stream(ReportReturned.class).filter(e -> e.reportId() == report))
                .extracting(ReportReturned::comment).containsExactly("佐证材料不足，请补充监测报告");
    }

    @Test
    void every_state_change_publishes_a_domain_event() throws Exception {
        ProgressFixture approving = ProgressFixture.plan(mvc, units, plan.today, true);
        long task = approving.epbTask();
        long report = id(approving.report(epbStaff(), task, approving.currentCycle, content("草稿"), false).andReturn());
        mvc.perform(post("/api/progress/reports/{id}/submit", report).with(epbStaff())).andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports/{id}/send-back", report).with(as("epb-head"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"补充\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports/{id}/submit", report).with(epbStaff())).andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports/{id}/approve", report).with(as("epb-head"))).andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports/{id}/return", report).with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"退回\"}")).andExpect(status().isOk());
        long v2 = id(mvc.perform(post("/api/progress/reports/{id}/versions", report).with(as("epb-head"))).andReturn());
        mvc.perform(post("/api/progress/reports/{id}/submit", v2).with(as("epb-head"))) // the head's own submission needs no approval
                .andExpect(jsonPath("$.status").value("SUBMITTED"));

        List<String> published = events.stream(Object.class)
                .filter(e -> e instanceof ReportDrafted d && d.taskId() == task
                        || e instanceof ReportSentForApproval s && s.taskId() == task
                        || e instanceof ReportSentBack b && b.taskId() == task
                        || e instanceof ReportApproved a && a.taskId() == task
                        || e instanceof ReportSubmitted u && u.taskId() == task
                        || e instanceof ReportReturned r && r.taskId() == task)
                .map(e -> e.getClass().getSimpleName()).toList();
        assertThat(published).containsExactly("ReportDrafted", "ReportSentForApproval", "ReportSentBack",
                "ReportSentForApproval", "ReportApproved", "ReportSubmitted", "ReportReturned", "ReportDrafted",
                "ReportSubmitted");
    }

    @Test
    void closed_and_cancelled_tasks_stop_reporting_and_ongoing_tasks_keep_reporting() throws Exception {
        long ongoing = plan.epbTask();
        plan.transition(ongoing, "START");
        plan.transition(ongoing, "MARK_ONGOING");
        long cancelled = plan.epbTask();
        plan.transition(cancelled, "CANCEL");
        long closed = plan.epbTask();
        plan.transition(closed, "START");
        plan.transition(closed, "REQUEST_CLOSURE");
        plan.transition(closed, "CLOSE");

        mvc.perform(get("/api/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(jsonPath("$.plans[0].items[*].taskId").value(org.hamcrest.Matchers.contains((int) ongoing)));
        plan.report(epbStaff(), cancelled, plan.currentCycle, content("已撤销的任务"), true).andExpect(status().isConflict());
        plan.report(epbStaff(), closed, plan.currentCycle, content("已销号的任务"), true).andExpect(status().isConflict());
        plan.report(epbStaff(), ongoing, plan.currentCycle, content("长期坚持，持续落实"), true).andExpect(status().isCreated());
    }

    @Test
    void a_report_after_the_grace_period_counts_as_late_by_its_days_and_a_missing_one_shows_late() throws Exception {
        long late = plan.epbTask();
        long missing = plan.epbTask();
        plan.report(epbStaff(), late, plan.pastCycle, content("补报上期进展"), true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slot.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.slot.daysLate").value(40));
        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId).param("cycleId", "" + plan.pastCycle)
                        .with(office()))
                .andExpect(jsonPath("$.submittedLate").value(1))
                .andExpect(jsonPath("$.rows[?(@.taskId == %d)].cells[0].status.state".formatted(missing)).value("LATE"))
                .andExpect(jsonPath("$.rows[?(@.taskId == %d)].cells[0].status.daysLate".formatted(missing)).value(40));
        assertThat(events.stream(ReportSubmitted.class).filter(e -> e.taskId() == late))
                .extracting(ReportSubmitted::daysLate).containsExactly(40);
        // a cycle that has not begun cannot be reported on
        plan.report(epbStaff(), missing, plan.futureCycle, content("提前报"), true)
                .andExpect(status().isUnprocessableContent());
    }

    /**
     * No submitted report goes through the event publication registry to supervision (no row, nor the two commits that
     * would mark it processing and completed): a report on a cycle not yet due cannot change a warning, and a late one
     * is reassessed, when it can change one, in its own transaction.
     */
    @Test
    void no_submitted_report_is_handed_to_the_warning_reassessment_through_the_event_registry() throws Exception {
        long early = id(plan.report(epbStaff(), plan.epbTask(), plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isCreated()).andReturn());
        long late = id(plan.report(epbStaff(), plan.epbTask(), plan.pastCycle, content("补报上期进展"), true)
                .andExpect(status().isCreated()).andReturn());
        assertThat(events.stream(ReportSubmitted.class).map(ReportSubmitted::reportId)).contains(early, late);
        assertThat(warningPublications(early)).isZero();
        assertThat(warningPublications(late)).isZero(); // reassessed in its own transaction, not handed over
    }

    /**
     * A report clears "report missing" only for the plan's last cycle whose grace period is over: reports on a cycle
     * not yet due, on one in its grace period and on an earlier one caught up on leave the warning alone, and
     * reassessing the task after them changes nothing (the task stays yellow for the missing report); the report on
     * that last cycle clears the warning in its own transaction (no publication for the registry, nothing after the
     * commit: the warning is cleared when the answer comes).
     */
    @Test
    void only_a_report_on_the_plans_last_cycle_past_its_grace_period_is_reassessed_and_at_once() throws Exception {
        LateCycles c = lateCycles();
        for (long cycle : List.of(c.notDue, c.inGrace, c.earlier)) {
            long report = id(c.p.report(epbStaff(), c.task, cycle, content("本期或补报的进展"), true)
                    .andExpect(status().isCreated()).andReturn());
            assertThat(warningPublications(report)).as("cycle %d", cycle).isZero();
            assertThat(warning(c.task)).as("cycle %d", cycle).isEqualTo("YELLOW REPORT_MISSING");
        }
        // what the reassessment would have found: nothing to change
        assertThat(warnings.recompute(c.task, warnings.today())).isZero();
        assertThat(warning(c.task)).isEqualTo("YELLOW REPORT_MISSING");

        long report = id(c.p.report(epbStaff(), c.task, c.last, content("补报上期进展"), true)
                .andExpect(status().isCreated()).andReturn());
        assertThat(warningPublications(report)).isZero();
        assertThat(warning(c.task)).isEqualTo("NONE ");
    }

    /**
     * The late report's reassessment, its kept count and its audit records are written in the report's transaction: a
     * submission whose transaction rolls back after them leaves neither the report, nor the cleared warning, nor the
     * dashboard's count of it, nor an audit record behind. (The request joins the test's transaction, which is rolled
     * back after the answer.)
     */
    @Test
    void a_submission_rolled_back_after_its_reassessment_leaves_nothing_behind() throws Exception {
        LateCycles c = lateCycles();
        int slotsCounted = keptSlots(c.task);
        auditLog.awaitLinked(); // the earlier commands' records linked: none moves between the two counts
        int audit = db.fetchCount(table(name("audit_entry"))) + db.fetchCount(table(name("audit_pending")));
        transactions.executeWithoutResult(tx -> {
            try {
                c.p.report(epbStaff(), c.task, c.last, content("补报上期进展"), true).andExpect(status().isCreated());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(warning(c.task)).isEqualTo("NONE "); // cleared inside the report's transaction
            tx.setRollbackOnly(); // (the kept count and the audit records are written just before a commit)
        });
        assertThat(warning(c.task)).isEqualTo("YELLOW REPORT_MISSING");
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(c.task))).isZero();
        assertThat(keptSlots(c.task)).isEqualTo(slotsCounted);
        assertThat(db.fetchCount(table(name("audit_entry"))) + db.fetchCount(table(name("audit_pending")))).isEqualTo(audit);
    }

    /** A task started, yellow for its missing report, on a plan with cycles of every kind a report can be for. */
    private record LateCycles(ProgressFixture p, long task, long earlier, long last, long inGrace, long notDue) {
    }

    private LateCycles lateCycles() throws Exception {
        LocalDate today = plan.today;
        ProgressFixture p = ProgressFixture.bare(mvc, units, today);
        mvc.perform(put("/api/progress/plans/{id}/cadence", p.planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": false, "startsOn": "%s",
                                 "customDueDates": ["%s", "%s", "%s", "%s"]}""".formatted(today.minusDays(100),
                                today.minusDays(70), today.minusDays(40), today.minusDays(2), today.plusDays(20))))
                .andExpect(status().isOk());
        List<Number> cycles = com.jayway.jsonpath.JsonPath.read(ProgressFixture.body(mvc.perform(
                get("/api/progress/plans/{id}/cycles", p.planId).with(office())).andReturn()), "$[*].id");
        long task = p.epbTask();
        p.transition(task, "START"); // (a first report would start it: a reassessment of its own)
        warnings.recompute(task, warnings.today());
        assertThat(warning(task)).isEqualTo("YELLOW REPORT_MISSING");
        return new LateCycles(p, task, cycles.get(0).longValue(), cycles.get(1).longValue(), cycles.get(2).longValue(),
                cycles.get(3).longValue());
    }

    /** The dashboard's kept counts once the insight applier took every change waiting (it applies after commands answer). */
    private void awaitKeptCountsApplied() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (db.fetchCount(table(name("insight_pending"))) > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(db.fetchCount(table(name("insight_pending")))).as("changes waiting for the kept counts").isZero();
    }

    /** The dashboard's kept count of a task's reported slots. */
    private int keptSlots(long taskId) throws InterruptedException {
        awaitKeptCountsApplied();
        return db.fetchCount(table(name("insight_task_slot")), field(name("task_id"), Long.class).eq(taskId));
    }

    /** The task's stored warning level and its reasons. */
    private String warning(long taskId) {
        return db.select(TASK_WARNING.LEVEL, TASK_WARNING.REASONS).from(TASK_WARNING).where(TASK_WARNING.TASK_ID.eq(taskId))
                .fetchOptional(r -> r.value1() + " " + (r.value2() == null ? "" : r.value2())).orElse("(not assessed)");
    }

    /** Rows of the event publication registry handing this report's submission to supervision's warning triggers. */
    private int warningPublications(long reportId) {
        Field<String> listener = field(name("listener_id"), String.class);
        Field<String> type = field(name("event_type"), String.class);
        Field<String> event = field(name("serialized_event"), String.class);
        return db.fetchCount(table(name("event_publication")), listener.contains("WarningTriggers")
                .and(type.eq(ReportSubmitted.class.getName())).and(event.contains("\"reportId\":" + reportId + ",")));
    }

    @Test
    void units_see_what_is_due_this_cycle_with_each_reports_state() throws Exception {
        long submitted = plan.epbTask();
        long draft = plan.epbTask();
        long nothing = plan.epbTask();
        plan.submitted(epbStaff(), submitted, plan.currentCycle);
        plan.report(epbStaff(), draft, plan.currentCycle, content("草稿"), false).andExpect(status().isCreated());
        String items = "$.plans[0].items[?(@.taskId == %d)].status.state";
        mvc.perform(get("/api/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(jsonPath("$.plans[0].cycle.id").value(plan.currentCycle))
                .andExpect(jsonPath(items.formatted(submitted)).value("SUBMITTED"))
                .andExpect(jsonPath(items.formatted(draft)).value("DRAFT"))
                .andExpect(jsonPath(items.formatted(nothing)).value("MISSING"));
        // 临翔区政府 leads none of them
        mvc.perform(get("/api/progress/due").param("planId", "" + plan.planId).with(linxiangStaff()))
                .andExpect(jsonPath("$.plans", hasSize(0)));
    }

    @Test
    void a_group_named_task_expects_one_report_from_each_member_unit_and_the_matrix_filters_by_subtree() throws Exception {
        long task = plan.task(List.of("市环境保护局", "临翔区政府", "凤庆县政府"), List.of());
        plan.report(linxiangStaff(), task, plan.currentCycle, content("临翔区本期进展"), true).andExpect(status().isCreated());
        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId).with(office()))
                .andExpect(jsonPath("$.rows[0].cells", hasSize(3)))
                .andExpect(jsonPath("$.counts.SUBMITTED").value(1))
                .andExpect(jsonPath("$.counts.MISSING").value(2));
        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId)
                        .param("unitId", "" + plan.unit("临翔区")).with(office()))
                .andExpect(jsonPath("$.rows[0].cells", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].cells[0].unitName").value("临翔区政府"));
        // a county's staff see their own unit's cell only, whatever filter they ask for
        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId).with(linxiangStaff()))
                .andExpect(jsonPath("$.rows[0].cells", hasSize(1)));
    }

    @Test
    void indicator_history_shows_submitted_values_against_the_target() throws Exception {
        long task = plan.epbTask();
        fixtureReport(task).andExpect(status().isCreated());
        plan.report(epbStaff(), task, plan.pastCycle, """
                {"workDone": "补报", "phase": "IN_PROGRESS", "onSchedule": false,
                 "measurements": [{"indicatorName": "监测达标率", "value": "85", "asOf": "%s", "source": "月报"}]}"""
                .formatted(plan.today.minusDays(45)), true).andExpect(status().isCreated());
        mvc.perform(get("/api/progress/tasks/{id}/indicators", task).with(office()))
                .andExpect(jsonPath("$.series[0].name").value("监测达标率"))
                .andExpect(jsonPath("$.series[0].target.targetValue").value(90))
                .andExpect(jsonPath("$.series[0].points", hasSize(2)))
                .andExpect(jsonPath("$.series[0].points[0].value").value(85))
                .andExpect(jsonPath("$.series[0].points[0].meetsTarget").value(false))
                .andExpect(jsonPath("$.series[0].points[1].value").value(92.5))
                .andExpect(jsonPath("$.series[0].points[1].meetsTarget").value(true));
    }

    @Test
    void obligation_compliance_counts_the_records_of_submitted_reports_per_unit_and_year() throws Exception {
        long task = plan.epbTask();
        String records = """
                {"workDone": "召开局党组会议", "phase": "ONGOING", "onSchedule": true, "obligationRecords": [%s]}""";
        String meeting = "{\"subject\": \"局党组会议研究部署环境保护工作\", \"heldOn\": \"%s\", \"body\": \"局党组会议\", \"topic\": \"%s\"}";
        int year = plan.today.getYear();
        // three meetings this year in the past cycle; one of them reported again in the current cycle (counted once)
        LocalDate a = LocalDate.of(year, 1, 5);
        LocalDate b = LocalDate.of(year, 1, 6);
        LocalDate c = LocalDate.of(year, 1, 7);
        plan.report(epbStaff(), task, plan.pastCycle, records.formatted(String.join(",", meeting.formatted(a, "第一次"),
                meeting.formatted(b, "第二次"), meeting.formatted(c, "第三次"))), true).andExpect(status().isCreated());
        long draft = id(plan.report(epbStaff(), task, plan.currentCycle, records.formatted(String.join(",",
                meeting.formatted(c, "第三次"), meeting.formatted(plan.today, "第四次"))), false).andReturn());
        String row = "$.rows[?(@.taskId == %d)].recorded".formatted(task);
        mvc.perform(get("/api/progress/compliance").param("planId", "" + plan.planId).param("year", "" + year).with(office()))
                .andExpect(jsonPath("$.rows[?(@.taskId == %d)].required".formatted(task)).value(4))
                .andExpect(jsonPath(row).value(3)); // a draft does not count
        mvc.perform(post("/api/progress/reports/{id}/submit", draft).with(epbStaff())).andExpect(status().isOk());
        mvc.perform(get("/api/progress/compliance").param("planId", "" + plan.planId).param("year", "" + year).with(office()))
                .andExpect(jsonPath(row).value(4));
    }

    private org.springframework.test.web.servlet.ResultActions fixtureReport(long task) throws Exception {
        return plan.report(epbStaff(), task, plan.currentCycle, """
                {"workDone": "完成全市监测站标准化建设方案。", "phase": "IN_PROGRESS", "onSchedule": true,
                 "problems": "资金缺口", "nextSteps": "争取省级资金",
                 "measurements": [{"indicatorName": "监测达标率", "value": "92.5", "asOf": "%s", "source": "监测月报"}],
                 "obligationRecords": [{"subject": "局党组会议研究部署环境保护工作", "heldOn": "%s", "body": "局党组会议",
                                        "topic": "研究环保督察整改"}],
                 "links": [{"url": "https://www.lincang.gov.cn/news/1", "title": "新闻报道"}]}"""
                .formatted(plan.today, plan.today), true);
    }

    private void matrixState(ProgressFixture f, String state) throws Exception {
        mvc.perform(get("/api/progress/matrix").param("planId", "" + f.planId).with(office()))
                .andExpect(jsonPath("$.rows[0].cells[0].status.state").value(state));
    }
}
