package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 通报 through a month of a plan's life: a monthly cadence due on the 25th with 3 days' grace; over last month one unit
 * reports on time, one late, one not at all; a task passes its deadline and turns red; a closed task relapses. The
 * clock of the shared context cannot move, so what happened "last month" is dated there in the database (the
 * submission, the change of warning level, the reopening), as it would have been had the days passed.
 */
@IntegrationTest
@EnableScenarios
class CircularTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /** Last month of a plan of our own, lived through. */
    record Month(long planId, String planTitle, YearMonth month, Map<String, Long> tasks) {
    }

    @Test
    void a_circular_drafted_for_last_month_names_the_late_and_missing_units_the_red_tasks_the_relapse_and_the_ranking(
            Scenario scenario) throws Exception {
        Month m = liveThroughLastMonth(scenario);
        String id = draft(m, office());
        String label = m.month().getYear() + "年" + m.month().getMonthValue() + "月";
        mvc.perform(get("/api/supervision/circulars/{id}", id).with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").doesNotExist())
                .andExpect(jsonPath("$.title").value("关于" + label + "《" + m.planTitle() + "》整改任务推进情况的通报"))
                .andExpect(jsonPath("$.addressees").value("各县（区）委、政府，市直各有关部门："))
                .andExpect(jsonPath("$.issuerUnit").value("市环境保护督察工作领导小组办公室")) // the issuing office, not the city
                .andExpect(jsonPath("$.facts.due").value(5))
                .andExpect(jsonPath("$.facts.onTime").value(1))
                .andExpect(jsonPath("$.facts.late").value(1))
                .andExpect(jsonPath("$.facts.missing").value(3))
                .andExpect(jsonPath("$.facts.lateReports[0].unitName").value("临翔区政府"))
                .andExpect(jsonPath("$.facts.missingReports[*].unitName").value(contains("市林业局", "市林业局", "市林业局")))
                .andExpect(jsonPath("$.facts.redTasks[*].taskRef").value(contains(ref(m, "overdue"), ref(m, "relapsed"))))
                .andExpect(jsonPath("$.facts.redTasks[0].reasons").value(hasItem("OVERDUE")))
                .andExpect(jsonPath("$.facts.relapses[0].taskRef").value(ref(m, "relapsed")))
                .andExpect(jsonPath("$.facts.relapses[0].reason").value("群众举报问题复现"))
                .andExpect(jsonPath("$.facts.reportingRanking[*].unitName").value(contains("市环境保护局", "市林业局", "临翔区政府")))
                .andExpect(jsonPath("$.facts.overdueRanking[0].unitName").value("市林业局"))
                .andExpect(jsonPath("$.facts.overdueRanking[0].overdueTasks").value(1));
        String body = JsonPath.read(json(get("/api/supervision/circulars/{id}", id), office()), "$.body");
        assertThat(body)
                .contains(label + "，各责任单位应报送进展报告5份，按时报送1份，逾期报送1份，未报送3份，按时报送率20%")
                .contains("一、报送情况").contains("二、红色预警任务").contains("三、问题反弹").contains("四、排名情况").contains("五、下一步要求")
                .contains("未报送进展的单位：市林业局（" + ref(m, "forestry"))
                .contains("逾期报送进展的单位：临翔区政府（" + ref(m, "county"))
                .contains("以下2项任务处于红色预警").contains("1. " + ref(m, "overdue")).contains("已超过整改时限")
                .contains("以下1项已销号问题出现反弹").contains("原因：群众举报问题复现")
                .contains("按时报送率（由高到低）：1. 市环境保护局 100%（1/1）；2. 市林业局 0%（0/3）；2. 临翔区政府 0%（0/1）")
                .contains("逾期任务数（由多到少）：1. 市林业局 1项")
                .contains("市林业局、临翔区政府要认真分析原因");
        assertThat(body).doesNotContain("逾期报送进展的单位：市环境保护局");
    }

    @Test
    void a_circular_over_every_plan_names_each_task_with_its_plans_short_name_and_one_of_a_plan_by_its_reference(
            Scenario scenario) throws Exception {
        Month m = liveThroughLastMonth(scenario);
        String shortName = "通报测试" + SEQ.incrementAndGet();
        mvc.perform(post("/plans/{id}/short-name", m.planId()).param("shortName", shortName).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String all = mvc.perform(post("/api/supervision/circulars").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\", \"to\": \"%s\"}".formatted(m.month().atDay(1), m.month().atEndOfMonth())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/supervision/circulars/{id}", ((Number) JsonPath.read(all, "$.id")).longValue()).with(office()))
                .andExpect(jsonPath("$.facts.redTasks[*].taskRef").value(hasItem(shortName + "·" + ref(m, "overdue"))))
                .andExpect(jsonPath("$.facts.relapses[*].taskRef").value(hasItem(shortName + "·" + ref(m, "relapsed"))))
                .andExpect(jsonPath("$.facts.missingReports[*].taskRef").value(hasItem(shortName + "·" + ref(m, "forestry"))));

        String one = draft(m, office());
        String body = JsonPath.read(json(get("/api/supervision/circulars/{id}", one), office()), "$.body");
        assertThat(body).contains("1. " + ref(m, "overdue")).doesNotContain(shortName + "·");
    }

    @Test
    void the_facts_are_those_of_the_callers_scope(Scenario scenario) throws Exception {
        Month m = liveThroughLastMonth(scenario);
        String id = draft(m, as("linxiang-office")); // a county office sees the tasks its county's units take part in
        mvc.perform(get("/api/supervision/circulars/{id}", id).with(office()))
                .andExpect(jsonPath("$.facts.due").value(1))
                .andExpect(jsonPath("$.facts.lateReports[0].unitName").value("临翔区政府"))
                .andExpect(jsonPath("$.facts.redTasks").isEmpty())
                .andExpect(jsonPath("$.facts.reportingRanking[*].unitName").value(contains("临翔区政府")))
                .andExpect(jsonPath("$.issuerUnit").value("临翔区")); // a county without such an office signs as itself
    }

    @Test
    void a_stale_edit_is_refused_naming_who_changed_it_and_the_text_stays_theirs() throws Exception {
        String id = draft(emptyPlan(), office());
        edit(id, 0, "关于整改工作的通报（修改稿）", office()).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        edit(id, 0, "督查室的另一版标题", as("supervisor"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("演示·市督察整改办")));
        mvc.perform(get("/api/supervision/circulars/{id}", id).with(office()))
                .andExpect(jsonPath("$.title").value("关于整改工作的通报（修改稿）"))
                .andExpect(jsonPath("$.version").value(1));
        // on the page, the refused text stays in the form, with the reason above it
        mvc.perform(post("/supervision/circulars/{id}", id).with(as("supervisor")).with(csrf())
                        .param("version", "0").param("title", "督查室的另一版标题").param("addressees", "各单位：")
                        .param("body", "正文").param("issuerUnit", "临沧市"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-conflict\"")))
                .andExpect(content().string(containsString("value=\"督查室的另一版标题\"")));
        edit(id, 1, " ", as("supervisor")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.title").value("请填写此项。"));
    }

    @Test
    void publishing_numbers_the_circular_and_freezes_it_and_everyone_can_read_and_download_it(Scenario scenario) throws Exception {
        String id = draft(emptyPlan(), office());
        edit(id, 0, "关于整改任务推进情况的通报", as("supervisor")).andExpect(status().isOk());
        publish(id, as("supervisor")).andExpect(status().isForbidden());
        scenario.stimulate(ClientRequest.sent(() -> publish(id, office()).andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("PUBLISHED"))
                        .andExpect(jsonPath("$.number").value(matchesPattern("督通〔" + LocalDate.now(clock).getYear() + "〕\\d+号")))
                        .andExpect(jsonPath("$.publishedBy").value(containsString("市督察整改办")))))
                .andWaitForStateChange(new EventsHandled(publications).of(CircularPublished.class,
                        e -> e.circularId() == Long.parseLong(id)), Boolean.TRUE::equals)
                // circulated (印发) to everyone under the office's unit, 临沧市: its departments and its counties
                .andVerify(handled -> assertThat(jdbc.queryForList("select a.username from inbox_message m join account a"
                        + " on a.id = m.account_id where m.dedupe_key = ?", String.class, "circular:" + id))
                        .contains("epb-staff", "epb-head", "linxiang-staff", "linxiang-office", "leader").doesNotHaveDuplicates());
        String number = JsonPath.read(json(get("/api/supervision/circulars/{id}", id), office()), "$.number");
        edit(id, 2, "印发后再改", office()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已印发（" + number + "）")));
        publish(id, office()).andExpect(status().isConflict());
        mvc.perform(delete("/api/supervision/circulars/{id}", id).with(office())).andExpect(status().isConflict());

        for (String user : List.of("epb-staff", "linxiang-staff", "leader", "supervisor")) {
            mvc.perform(get("/api/supervision/circulars").with(as(user)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[*].number").value(hasItem(number)));
        }
        byte[] docx = mvc.perform(get("/api/supervision/circulars/{id}/document.docx", id).with(as("epb-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("wordprocessingml")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("关于整改任务推进情况的通报");
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo(number);
            assertThat(text.getText())
                    .contains("各县（区）委、政府，市直各有关部门：")
                    .contains("一、报送情况").contains("本期无应报送的进展报告。")
                    .contains("五、下一步要求")
                    .contains("临沧市");
        }
        mvc.perform(get("/supervision/circulars/{id}", id).with(as("linxiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString("id=\"publish-circular\""))));
    }

    @Test
    void unit_users_cannot_draft_and_do_not_see_drafts_leaders_read_them_only_the_office_publishes_and_deletes()
            throws Exception {
        String id = draft(emptyPlan(), office());
        String newJson = "{\"planId\": " + emptyPlan().planId() + "}";
        for (String user : List.of("epb-staff", "epb-head", "linxiang-staff", "leader")) {
            mvc.perform(post("/api/supervision/circulars").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(newJson))
                    .andExpect(status().isForbidden());
            edit(id, 0, "x", as(user)).andExpect(status().is(user.equals("leader") ? 403 : 404));
            publish(id, as(user)).andExpect(status().is(user.equals("leader") ? 403 : 404));
        }
        for (String user : List.of("epb-staff", "epb-head", "linxiang-staff")) {
            mvc.perform(get("/api/supervision/circulars/{id}", id).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/supervision/circulars/{id}", id).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/supervision/circulars/{id}.docx", id).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/supervision/circulars").with(as(user)))
                    .andExpect(jsonPath("$[*].id").value(not(hasItem(Integer.parseInt(id)))));
            mvc.perform(get("/supervision/circulars/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/supervision/circulars").with(as(user)))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"new-circular\""))));
        }
        for (String user : List.of("leader", "supervisor", "admin", "office")) {
            mvc.perform(get("/api/supervision/circulars/{id}", id).with(as(user))).andExpect(status().isOk());
            mvc.perform(get("/supervision/circulars/{id}", id).with(as(user))).andExpect(status().isOk());
        }
        mvc.perform(post("/api/supervision/circulars").with(as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                .content(newJson)).andExpect(status().isCreated());
        mvc.perform(delete("/api/supervision/circulars/{id}", id).with(as("supervisor"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/supervision/circulars/{id}", id).with(as("leader"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/supervision/circulars/{id}", id).with(office())).andExpect(status().isNoContent());
        mvc.perform(get("/api/supervision/circulars/{id}", id).with(office())).andExpect(status().isNotFound());
    }

    @Test
    void the_office_drafts_last_month_by_default_edits_beside_the_facts_and_publishes_on_the_pages() throws Exception {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        mvc.perform(get("/supervision/circulars/new").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + last.atDay(1) + "\"")))
                .andExpect(content().string(containsString("value=\"" + last.atEndOfMonth() + "\"")));
        mvc.perform(post("/supervision/circulars").with(office()).with(csrf())
                        .param("from", last.atEndOfMonth().toString()).param("to", last.atDay(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("截止日期不能早于起始日期。")));
        Month m = emptyPlan();
        String location = mvc.perform(post("/supervision/circulars").with(office()).with(csrf())
                        .param("from", last.atDay(1).toString()).param("to", last.atEndOfMonth().toString())
                        .param("planId", String.valueOf(m.planId())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith("/edit");
        mvc.perform(get(location).with(office()))
                .andExpect(content().string(containsString("id=\"circular-facts\"")))
                .andExpect(content().string(containsString("本期无应报送的进展报告。")));
        String view = location.replace("/edit", "");
        mvc.perform(post(view).with(office()).with(csrf()).param("version", "0")
                        .param("title", "关于上月整改工作的通报").param("addressees", "各县（区）委、政府：")
                        .param("body", "第一段。\n第二段。").param("issuerUnit", "临沧市整改办"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(view + "/publish").with(office()).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(view).with(office()))
                .andExpect(content().string(containsString("关于上月整改工作的通报")))
                .andExpect(content().string(containsString("id=\"circular-number\"")))
                .andExpect(content().string(containsString("临沧市整改办")))
                .andExpect(content().string(not(containsString("id=\"edit-circular\""))));
        mvc.perform(get("/supervision/circulars").with(as("epb-staff")))
                .andExpect(content().string(containsString("关于上月整改工作的通报")));
    }

    // ---- a month of a plan's life

    /**
     * A plan with a monthly cadence from the start of last month (due on the 25th, 3 days' grace) and five assigned
     * tasks: 市环境保护局 reported on time, 临翔区政府 late (today), 市林业局 never, on three tasks: one with its deadline on
     * the 10th of last month (red since the 11th) and one closed and reopened on the 20th (red since).
     */
    private Month liveThroughLastMonth(Scenario scenario) throws Exception {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        Month m = newPlan(last);
        mvc.perform(put("/api/progress/plans/{id}/cadence", m.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MONTHLY\", \"dueDay\": 25, \"graceDays\": 3, \"startsOn\": \"%s\"}"
                                .formatted(last.atDay(1))))
                .andExpect(status().isOk());
        String cycles = json(get("/api/progress/plans/{id}/cycles", m.planId()), office());
        long cycle = ((Number) JsonPath.<List<Number>>read(cycles, "$[?(@.dueOn == '%s')].id".formatted(last.atDay(25))).get(0))
                .longValue();
        LocalDate farAway = LocalDate.now(clock).plusYears(1);
        m.tasks().put("epb", task(m, "市环境保护局", farAway));
        m.tasks().put("county", task(m, "临翔区政府", farAway));
        m.tasks().put("forestry", task(m, "市林业局", farAway));
        m.tasks().put("overdue", task(m, "市林业局", last.atDay(10)));
        long relapsed = task(m, "市林业局", farAway);
        m.tasks().put("relapsed", relapsed);
        for (String command : List.of("START", "REQUEST_CLOSURE", "CLOSE")) {
            transition(relapsed, command, null);
        }
        // reopened as a relapse (反弹): circulars count these, not every reopening
        mvc.perform(post("/api/tasks/{id}/transitions", relapsed).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"command\": \"REOPEN\", \"reason\": \"群众举报问题复现\", \"relapse\": true}"))
                .andExpect(status().isOk());

        submit(as("epb-staff"), m.tasks().get("epb"), cycle);
        // a submitted report is frozen (a trigger); its slot says when it first counted as submitted
        onDay("update report_slot set first_submitted_at = ? where task_id = ?", last.atDay(24), m.tasks().get("epb"));
        // today: weeks after the grace period; the warnings are dated back once every change has been heard
        scenario.stimulate(ClientRequest.sent(() -> submit(as("linxiang-staff"), m.tasks().get("county"), cycle)))
                .andWaitForStateChange(new EventsHandled(publications).about(m.tasks().values()), Boolean.TRUE::equals)
                .andVerify(handled -> {
                    assertThat(level(m.tasks().get("overdue"))).containsExactly("RED");
                    assertThat(level(relapsed)).containsExactly("RED");
                });
        onDay("update warning_change set occurred_at = ? where task_id = ?", last.atDay(11), m.tasks().get("overdue"));
        onDay("update warning_change set occurred_at = ? where task_id = ?", last.atDay(20), relapsed);
        onDay("update task_history set occurred_at = ? where task_id = ?", last.atDay(20), relapsed);
        return m;
    }

    /** A plan without cadence or tasks: its circulars have no facts; for the tests of access and lifecycle. */
    private Month emptyPlan() throws Exception {
        return newPlan(YearMonth.now(clock).minusMonths(1));
    }

    private Month newPlan(YearMonth month) throws Exception {
        String title = "通报测试方案" + SEQ.incrementAndGet();
        String body = mvc.perform(post("/api/plans").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + title + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Month(((Number) JsonPath.read(body, "$.id")).longValue(), title, month, new java.util.LinkedHashMap<>());
    }

    private long task(Month m, String leadUnit, LocalDate deadline) throws Exception {
        String ref = "C" + SEQ.incrementAndGet();
        long unit = units.resolve(leadUnit).filter(UnitReference.OfUnit.class::isInstance).map(UnitReference::id).orElseThrow();
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "%s", "title": "通报测试任务%s", "text": "通报测试任务。",
                         "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成整改"}]}"""
                        .formatted(m.planId(), ref, ref, unit, deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        transition(id, "ASSIGN", null);
        return id;
    }

    private void transition(long task, String command, String reason) throws Exception {
        if (org.rectify.TestTasks.closureStep(mvc, task, command)) {
            return;
        }
        mvc.perform(post("/api/tasks/{id}/transitions", task).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(reason == null ? "{\"command\": \"%s\"}".formatted(command)
                                : "{\"command\": \"%s\", \"reason\": \"%s\"}".formatted(command, reason)))
                .andExpect(status().isOk());
    }

    private ResultActions submit(RequestPostProcessor who, long task, long cycle) throws Exception {
        return mvc.perform(post("/api/progress/reports").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"taskId": %d, "cycleId": %d, "submit": true,
                                 "content": {"workDone": "本月完成现场整治。", "phase": "IN_PROGRESS", "onSchedule": true}}"""
                                .formatted(task, cycle)))
                .andExpect(status().isCreated());
    }

    /** Dates what the statement touches at noon of {@code day}, China time: it happened then. */
    private void onDay(String sql, LocalDate day, long taskId) {
        int rows = jdbc.update(sql, Timestamp.from(day.atTime(12, 0).atZone(clock.getZone()).toInstant()), taskId);
        assertThat(rows).as(sql).isPositive();
    }

    private List<String> level(long task) {
        return jdbc.queryForList("select level from task_warning where task_id = ?", String.class, task);
    }

    private String draft(Month m, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(post("/api/supervision/circulars").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\", \"to\": \"%s\", \"planId\": %d}"
                                .formatted(m.month().atDay(1), m.month().atEndOfMonth(), m.planId())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return String.valueOf(((Number) JsonPath.read(body, "$.id")).longValue());
    }

    private ResultActions edit(String id, int version, String title, RequestPostProcessor who) throws Exception {
        return mvc.perform(put("/api/supervision/circulars/{id}", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"version": %d, "title": "%s", "addressees": "各县（区）委、政府，市直各有关部门：",
                         "body": "一、报送情况\\n本期无应报送的进展报告。\\n五、下一步要求\\n按时报送。", "issuerUnit": "临沧市"}"""
                        .formatted(version, title)));
    }

    private ResultActions publish(String id, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/supervision/circulars/{id}/publish", id).with(who));
    }

    private String json(org.springframework.test.web.servlet.RequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String ref(Month m, String task) {
        return jdbc.queryForObject("select ref from task where id = ?", String.class, m.tasks().get(task));
    }
}
