package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.ProgressFixture.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The progress pages as a browser posts and reads them (forms, multipart, redirects, texts). */
@IntegrationTest
class ProgressPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;

    ProgressFixture plan;
    long task;

    @BeforeEach
    void plan() throws Exception {
        plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        task = plan.epbTask();
    }

    @Test
    void a_unit_writes_a_report_with_a_file_and_minutes_through_the_form() throws Exception {
        mvc.perform(get("/progress").with(epbStaff())).andExpect(redirectedUrl("/progress/due"));
        mvc.perform(get("/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("本期应报"), containsString("未报送"),
                        containsString("/progress/reports/new?taskId=" + task))));
        mvc.perform(get("/progress/reports/new").param("taskId", "" + task).param("cycleId", "" + plan.currentCycle)
                        .with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("填报进展"), containsString("监测达标率"),
                        containsString("局党组会议研究部署环境保护工作"))));

        MvcResult saved = mvc.perform(form(multipart("/progress/reports"))
                        .file(new MockMultipartFile("files", "监测月报.pdf", "application/pdf", "%PDF-1.4 月报".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("obligationRecords[0].minutes", "纪要.pdf", "application/pdf",
                                "%PDF-1.4 纪要".getBytes(StandardCharsets.UTF_8)))
                        .param("workDone", "完成监测站标准化建设。").param("action", "submit")
                        .with(epbStaff()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/progress/reports/*")).andReturn();
        String page = mvc.perform(get(saved.getResponse().getRedirectedUrl()).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("完成监测站标准化建设。", "已报送", "监测月报.pdf", "纪要.pdf", "局党组会议", "92.5",
                "https://www.lincang.gov.cn/", EvidenceTests.sha256("%PDF-1.4 月报".getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("退回单位"); // the office may return it
    }

    @Test
    void a_form_with_mistakes_comes_back_with_the_messages_at_the_fields_and_stores_nothing() throws Exception {
        mvc.perform(form(multipart("/progress/reports"))
                        .param("workDone", " ").param("measurements[0].value", "九十二").param("action", "submit")
                        .with(epbStaff()).with(csrf()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("请填写本期工作进展。"), containsString("必须是数字"))));
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(task))).isZero();
    }

    @Test
    void a_draft_is_edited_then_submitted_and_the_office_returns_it() throws Exception {
        long draft = id(plan.report(epbStaff(), task, plan.currentCycle, """
                {"workDone": "草稿", "phase": "IN_PROGRESS", "onSchedule": true,
                 "obligationRecords": [{"subject": "局党组会议研究部署环境保护工作", "heldOn": "%s", "body": "局党组会议"}]}"""
                .formatted(plan.today), false).andReturn());
        mvc.perform(get("/progress/reports/{id}/edit", draft).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("修改进展报告（第1版草稿）"), containsString("删除此记录"),
                        containsString("</html>"))));
        mvc.perform(form(multipart("/progress/reports/{id}", draft)).param("workDone", "改好的内容").param("action", "submit")
                        .with(epbStaff()).with(csrf()))
                .andExpect(redirectedUrl("/progress/reports/" + draft));
        mvc.perform(post("/progress/reports/{id}/return", draft).param("comment", "请补充照片").with(office()).with(csrf()))
                .andExpect(redirectedUrl("/progress/reports/" + draft));
        mvc.perform(get("/progress/reports/{id}", draft).with(epbStaff()))
                .andExpect(content().string(allOf(containsString("改好的内容"), containsString("请补充照片"),
                        containsString("更正（提交新版本）"), not(containsString("id=\"return-toggle\"")))));
        mvc.perform(post("/progress/reports/{id}/versions", draft).with(epbStaff()).with(csrf()))
                .andExpect(redirectedUrlPattern("/progress/reports/*/edit"));
    }

    @Test
    void a_report_page_shows_its_status_once_the_cycles_state_on_the_latest_version_and_the_versions_on_an_older_one() throws Exception {
        long first = plan.submitted(epbStaff(), task, plan.currentCycle);
        mvc.perform(get("/progress/reports/{id}", first).with(epbStaff()))
                .andExpect(content().string(allOf(containsString("id=\"report-state\""), not(containsString("id=\"version-status\"")))));
        mvc.perform(post("/progress/reports/{id}/return", first).param("comment", "请补充照片").with(office()).with(csrf()));
        mvc.perform(post("/progress/reports/{id}/versions", first).with(epbStaff()).with(csrf()))
                .andExpect(redirectedUrlPattern("/progress/reports/*/edit"));
        mvc.perform(get("/progress/reports/{id}", first).with(epbStaff()))
                .andExpect(content().string(allOf(containsString("id=\"version-status\""), not(containsString("id=\"report-state\"")))));
    }

    @Test
    void the_office_reads_the_matrix_the_cadence_compliance_and_indicator_pages() throws Exception {
        plan.submitted(epbStaff(), task, plan.currentCycle);
        mvc.perform(get("/progress").with(office())).andExpect(redirectedUrl("/progress/matrix"));
        mvc.perform(get("/progress/matrix").param("planId", "" + plan.planId).with(office()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("报送情况"), containsString("市环境保护局"),
                        containsString("class=\"rc cell rc-SUBMITTED\""), containsString("按单位"))));
        mvc.perform(get("/progress/matrix").param("planId", "" + plan.planId).param("state", "LATE")
                        .header("HX-Request", "true").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("matrix-results"), not(containsString("<html")))));
        mvc.perform(get("/progress/matrix").param("planId", "" + plan.planId).param("lang", "en").with(office()))
                .andExpect(content().string(allOf(containsString("Reporting matrix"), containsString("Submitted"))));
        mvc.perform(get("/progress/plans/{id}/cadence", plan.planId).with(office()))
                .andExpect(status().isOk()).andExpect(whole()).andExpect(content().string(containsString("自定义日期")));
        mvc.perform(get("/progress/compliance").param("planId", "" + plan.planId).with(office()))
                .andExpect(status().isOk()).andExpect(whole()).andExpect(content().string(containsString("局党组会议研究部署环境保护工作")));
        mvc.perform(get("/progress/tasks/{id}/indicators", task).with(office()))
                .andExpect(status().isOk()).andExpect(whole()).andExpect(content().string(containsString("监测达标率")));
    }

    @Test
    void the_matrix_shows_one_page_of_tasks_and_counts_every_page_of_the_cycle() throws Exception {
        for (int i = 0; i < 21; i++) {
            plan.epbTask();
        }
        plan.submitted(epbStaff(), task, plan.currentCycle);
        String first = matrixPage("size", "20");
        assertThat(rows(first)).isEqualTo(20);
        assertThat(first).contains("共 22 项任务 · 第 1/2 页", "id=\"count-SUBMITTED\">1<", "selected=\"selected\">20 项<");
        // the unit filter offers the units leading the plan's tasks and those above them, not the whole tree
        String filter = first.substring(first.indexOf("id=\"unitId\""), first.indexOf("id=\"section\""));
        assertThat(filter).contains("市环境保护局</option>", "临沧市").doesNotContain("市财政局", "临翔区");
        String last = matrixPage("size", "20", "page", "1");
        assertThat(rows(last)).isEqualTo(2);
        assertThat(last).contains("第 2/2 页", "id=\"count-SUBMITTED\">1<");
        // a page past the end shows the last one
        assertThat(matrixPage("size", "20", "page", "99")).contains("第 2/2 页");
        // the past cycle, its grace over: nothing reported is late, on every page
        String late = matrixPage("cycleId", "" + plan.pastCycle, "state", "LATE", "size", "20");
        assertThat(rows(late)).isEqualTo(20);
        assertThat(late).contains("共 22 项任务", "id=\"count-LATE\">22<", "class=\"rc cell rc-LATE\"");
        assertThat(matrixPage("cycleId", "" + plan.pastCycle, "state", "SUBMITTED")).contains("没有符合条件的任务");
        // the units on their own view, counted over the whole cycle, without the task rows
        String byUnit = matrixPage("view", "units");
        assertThat(byUnit).contains("id=\"unit-table\"", "data-unit=\"市环境保护局\"", "按单位（1家）")
                .doesNotContain("id=\"matrix-table\"");
        assertThat(byUnit.substring(byUnit.indexOf("data-unit=\"市环境保护局\""))).containsPattern(">22<[\\s\\S]*?>1<");
    }

    private String matrixPage(String... params) throws Exception {
        var request = get("/progress/matrix").param("planId", "" + plan.planId);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(office())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String page) {
        return page.split("<tr data-ref=\"", -1).length - 1;
    }

    @Test
    void the_office_sets_the_cadence_on_its_page_and_a_bad_date_is_named() throws Exception {
        ProgressFixture bare = ProgressFixture.bare(mvc, units, plan.today);
        mvc.perform(post("/progress/plans/{id}/cadence", bare.planId).param("kind", "CUSTOM")
                        .param("customDueDates", "2030-01-25\n2030-13-40").with(office()).with(csrf()))
                .andExpect(status().isOk()).andExpect(whole()).andExpect(content().string(containsString("“2030-13-40”不是有效日期")));
        mvc.perform(post("/progress/plans/{id}/cadence", bare.planId).param("kind", "MONTHLY").param("dueDay", "20")
                        .param("graceDays", "2").param("approvalRequired", "true").with(office()).with(csrf()))
                .andExpect(redirectedUrl("/progress/plans/" + bare.planId + "/cadence"));
        mvc.perform(get("/progress/plans/{id}/cadence", bare.planId).with(office()))
                .andExpect(content().string(containsString("每月 · 20日前报送 · 宽限2天 · 需单位负责人审核")));
        mvc.perform(post("/progress/plans/{id}/cadence", bare.planId).param("kind", "MONTHLY").with(epbStaff()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_supporting_unit_contributes_through_its_page_and_the_lead_unit_sees_it_on_its_form() throws Exception {
        long supported = plan.task(List.of("市财政局"), List.of("市环境保护局"));
        mvc.perform(get("/progress/contributions/new").param("taskId", "" + supported).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole()).andExpect(content().string(containsString("市财政局")));
        mvc.perform(multipart("/progress/contributions")
                        .file(new MockMultipartFile("files", "点位表.csv", "text/csv", "点位,数值\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                        .param("taskId", "" + supported).param("cycleId", "" + plan.currentCycle)
                        .param("text", "提供监测点位数据").with(epbStaff()).with(csrf()))
                .andExpect(redirectedUrlPattern("/progress/due?planId=*"));
        mvc.perform(get("/progress/due").param("planId", "" + plan.planId).with(epbStaff()))
                .andExpect(content().string(containsString("本期已提供 1 份")));
        // the lead unit's head approves nothing here; the office reads the contribution with the lead unit's report later
        mvc.perform(get("/progress/contributions/new").param("taskId", "" + task).with(as("linxiang-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_report_link_without_its_task_leads_a_unit_to_its_due_list_and_the_office_to_the_matrix_with_a_word() throws Exception {
        MvcResult unit = mvc.perform(get("/progress/reports/new").with(epbStaff()))
                .andExpect(redirectedUrl("/progress/due")).andReturn();
        mvc.perform(get("/progress/due").flashAttrs(unit.getFlashMap()).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("id=\"flash-info\""),
                        containsString("这个填报链接没有指明任务"), containsString("/progress/reports/new?taskId=" + task))));
        MvcResult office = mvc.perform(get("/progress/reports/new").param("lang", "en").with(office()))
                .andExpect(redirectedUrl("/progress/matrix")).andReturn();
        mvc.perform(get("/progress/matrix").flashAttrs(office.getFlashMap()).with(office()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(containsString("Progress reports are written by the lead units")));
        MvcResult contribution = mvc.perform(get("/progress/contributions/new").with(epbStaff()))
                .andExpect(redirectedUrl("/progress/due")).andReturn();
        mvc.perform(get("/progress/due").flashAttrs(contribution.getFlashMap()).with(epbStaff()))
                .andExpect(content().string(containsString("这个链接没有指明任务。请在下面的配合任务中找到它")));
    }

    @Test
    void a_report_link_to_a_cycle_not_yet_begun_or_remade_since_leads_to_the_due_list_saying_so_once() throws Exception {
        MvcResult early = mvc.perform(get("/progress/reports/new").param("taskId", "" + task)
                        .param("cycleId", "" + plan.futureCycle).with(epbStaff()))
                .andExpect(redirectedUrl("/progress/due")).andReturn();
        String page = mvc.perform(get("/progress/due").flashAttrs(early.getFlashMap()).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"flash-error\"");
        assertThat(page.split("class=\"alert alert-danger\"", -1)).hasSize(2); // shown once, not by the page and the layout
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(task))).isZero();
        // a cycle remade since the link was kept (the office set the cadence again): the due list, saying so
        long remade = plan.futureCycle;
        plan.cadence(false);
        assertThat(plan.futureCycle).isNotEqualTo(remade);
        MvcResult gone = mvc.perform(get("/progress/reports/new").param("taskId", "" + task).param("cycleId", "" + remade)
                        .with(epbStaff()))
                .andExpect(redirectedUrl("/progress/due")).andReturn();
        mvc.perform(get("/progress/due").flashAttrs(gone.getFlashMap()).with(epbStaff()))
                .andExpect(content().string(containsString("报送周期不存在（" + remade + "）")));
        // a task the unit does not report on stays "not found"
        mvc.perform(get("/progress/reports/new").param("taskId", "" + task).with(as("linxiang-staff")))
                .andExpect(status().isNotFound());
    }

    /** A cycle no longer there is its own kind of refusal (410), told apart from another plan's cycle (404), not by its text. */
    @Test
    void a_cycle_remade_since_the_link_was_made_is_gone_and_another_plans_cycle_is_not_found() throws Exception {
        long remade = plan.futureCycle;
        plan.cadence(false);
        plan.report(epbStaff(), task, remade, content("本期完成监测站建设。"), true)
                .andExpect(status().isGone()).andExpect(content().string(containsString("已不存在")));
        long othersCycle = ProgressFixture.plan(mvc, units, plan.today, false).currentCycle;
        plan.report(epbStaff(), task, othersCycle, content("本期完成监测站建设。"), true).andExpect(status().isNotFound());
        mvc.perform(get("/progress/reports/new").param("taskId", "" + task).param("cycleId", "" + othersCycle).with(epbStaff()))
                .andExpect(status().isNotFound());
        assertThat(db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.eq(task))).isZero();
    }

    /** At 360 px a plan's full title was cut in the filter: the option reads its short name, the title its full name. */
    @Test
    void the_plan_filters_offer_a_plans_short_name_and_english_cells_say_a_deadline_is_not_set() throws Exception {
        String title = db.select(org.rectify.plans.internal.db.Tables.PLAN.TITLE).from(org.rectify.plans.internal.db.Tables.PLAN)
                .where(org.rectify.plans.internal.db.Tables.PLAN.ID.eq(plan.planId)).fetchOne(org.rectify.plans.internal.db.Tables.PLAN.TITLE);
        String shortName = "筛选" + plan.planId % 100000;
        mvc.perform(post("/plans/{id}/short-name", plan.planId).param("shortName", shortName).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String option = "<option value=\"" + plan.planId + "\" title=\"" + title + "\"";
        // the filters, the look-back campaign's plan and the new-task form, each from the plan list its page reads
        for (String page : List.of("/progress/matrix", "/progress/compliance", "/supervision", "/tasks", "/insight",
                "/insight/briefing", "/closure/look-backs", "/tasks/new")) {
            String html = mvc.perform(get(page).param("planId", "" + plan.planId).with(office()))
                    .andExpect(status().isOk()).andExpect(whole()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).containsPattern(java.util.regex.Pattern.quote(option) + "[^>]*>" + shortName + "</option>");
        }
        // the plans' column of links has a header a screen reader reads; a task without a deadline is "Not set", not "none"
        mvc.perform(get("/plans").param("lang", "en").with(office()))
                .andExpect(content().string(containsString("<span class=\"visually-hidden\">Actions</span>")));
        mvc.perform(get("/tasks").param("planId", "" + plan.planId).param("lang", "en").with(office()))
                .andExpect(content().string(allOf(containsString(">Not set</td>"), not(containsString(">none</td>")))));
    }

    @Test
    void the_indicator_page_names_its_task_with_its_plan() throws Exception {
        String shortName = "指标页" + plan.planId % 100000;
        mvc.perform(post("/plans/{id}/short-name", plan.planId).param("shortName", shortName).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // the fixture's task references are P1, P2, …
        mvc.perform(get("/progress/tasks/{id}/indicators", task).with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole())
                .andExpect(content().string(allOf(containsString("<title>指标走势 " + shortName + "·P"),
                        containsString("id=\"task-label\">" + shortName + "·P"))));
    }

    @Test
    void staff_submitting_where_the_head_approves_are_told_it_went_to_the_head_not_that_it_was_reported() throws Exception {
        ProgressFixture approving = ProgressFixture.plan(mvc, units, LocalDate.now(clock), true);
        long approved = approving.epbTask();
        String report = mvc.perform(multipart("/progress/reports").param("taskId", "" + approved).param("cycleId", "" + approving.currentCycle)
                        .param("workDone", "完成监测站建设。").param("phase", "IN_PROGRESS").param("onSchedule", "true")
                        .param("action", "submit").with(epbStaff()).with(csrf()))
                .andExpect(redirectedUrlPattern("/progress/reports/*"))
                .andExpect(flash().attribute("flash", "已提交单位负责人审核；审核通过后报送。")).andReturn().getResponse().getRedirectedUrl();
        // the head reads it in English: "Phase: In progress", not the Chinese colon
        mvc.perform(get(report).param("lang", "en").with(as("epb-head")))
                .andExpect(content().string(allOf(containsString("Phase</span>: "), not(containsString("Phase</span>：")))));
        mvc.perform(form(multipart("/progress/reports")).param("workDone", "完成监测站建设。").param("action", "submit")
                        .with(epbStaff()).with(csrf()))
                .andExpect(flash().attribute("flash", "已报送。"));
    }

    /**
     * An obligation's whole sentence was the option's text, too long for a phone's drop-down: the option reads its number
     * and the start of its subject, the sentence its title and the line below the select for the chosen one.
     */
    @Test
    void the_report_forms_obligation_options_are_short_and_the_chosen_ones_sentence_is_written_below() throws Exception {
        String longSubject = "市委常委会会议专题研究部署中央生态环境保护督察反馈意见整改落实工作";
        long task = plan.task(List.of("市环境保护局"), List.of(), """
                {"subject": "局党组会议研究部署环境保护工作", "atLeast": 4, "per": "YEAR"},
                {"subject": "%s", "atLeast": 1, "per": "QUARTER"}""".formatted(longSubject));
        String html = mvc.perform(get("/progress/reports/new").param("taskId", "" + task).param("cycleId", "" + plan.currentCycle)
                        .with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).containsPattern("<option value=\"" + longSubject + "\"\\s+title=\"每季度" + longSubject + "不少于1次\"[^>]*>2\\. "
                        + longSubject.substring(0, 13) + "\\.\\.\\.</option>")
                .containsPattern("title=\"每年局党组会议研究部署环境保护工作不少于4次\"[^>]*>1\\. 局党组会议研究部署环境保护工作</option>")
                .doesNotContain(">每季度" + longSubject)
                // a new record starts on the first obligation: its sentence is written below, with the select naming the line
                .contains("data-describe=\"obligation-sentence-0\"")
                .containsPattern("id=\"obligation-sentence-0\">每年局党组会议研究部署环境保护工作不少于4次</div>");

        String en = mvc.perform(get("/progress/reports/new").param("taskId", "" + task).param("cycleId", "" + plan.currentCycle)
                        .param("lang", "en").with(epbStaff()))
                .andExpect(status().isOk()).andExpect(whole()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("title=\"per quarter: " + longSubject + ", at least once\"");
    }

    /** The whole page was written: a template error midway would cut it short after a 200. */
    private static org.springframework.test.web.servlet.ResultMatcher whole() {
        return content().string(containsString("</html>"));
    }

    /** The report form's fields for the plan's task, as the page fills them. */
    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder form(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request) {
        request.param("taskId", "" + task).param("cycleId", "" + plan.currentCycle)
                .param("phase", "IN_PROGRESS").param("onSchedule", "true")
                .param("measurements[0].indicatorName", "监测达标率").param("measurements[0].value", "92.5")
                .param("measurements[0].asOf", plan.today.toString()).param("measurements[0].source", "监测月报")
                .param("obligationRecords[0].subject", "局党组会议研究部署环境保护工作")
                .param("obligationRecords[0].heldOn", plan.today.toString())
                .param("obligationRecords[0].body", "局党组会议").param("obligationRecords[0].topic", "研究环保督察整改")
                .param("links[0].url", "https://www.lincang.gov.cn/news/2").param("links[0].title", "报道");
        return request;
    }
}
