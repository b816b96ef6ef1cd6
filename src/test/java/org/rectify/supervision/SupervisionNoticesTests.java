package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 督办单: issued by the office or the supervision office, answered once by the lead units, exported as .docx. */
@IntegrationTest
class SupervisionNoticesTests {

    private static final String SHORT_NAME = "督办测试";
    private static final String GREENING = "开展全民绿化、全面绿化（督办单测试）";
    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Warnings warnings;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_notice_is_numbered_per_year_and_carries_the_tasks_warning_colour() throws Exception {
        warnings.recomputeAll(warnings.today());
        long task = coLedTask(); // a milestone passed and not started: yellow
        String first = issue(task, "请于一周内报送绿化整改进展", warnings.today().plusDays(7), office());
        String second = issue(task, "再次督办", warnings.today().plusDays(7), as("supervisor"));
        mvc.perform(get("/api/supervision/notices/{id}", first).with(office()))
                .andExpect(jsonPath("$.number").value(matchesPattern("督〔" + warnings.today().getYear() + "〕\\d+号")))
                .andExpect(jsonPath("$.level").value("YELLOW"))
                .andExpect(jsonPath("$.leadUnits[0]").value("市住房城乡建设局"));
        int n1 = seq(first);
        assertThat(seq(second)).isEqualTo(n1 + 1);
        // the list names the colour in words (it was a bare coloured square)
        String number = JsonPath.read(mvc.perform(get("/api/supervision/notices/{id}", first).with(office()))
                .andReturn().getResponse().getContentAsString(), "$.number");
        mvc.perform(get("/supervision/notices").with(office()))
                .andExpect(content().string(containsString("<span class=\"badge warning-badge me-1 warning-YELLOW\">黄色预警</span><a href=\"/supervision/notices/"
                        + first + "\">" + number + "</a>")));
        mvc.perform(get("/supervision/notices").param("lang", "en").with(office()))
                .andExpect(content().string(containsString("<span class=\"badge warning-badge me-1 warning-YELLOW\">Yellow</span>")));
    }

    @Test
    void each_lead_unit_answers_once_and_others_cannot() throws Exception {
        long task = coLedTask();
        String id = issue(task, "请说明进展", warnings.today().plusDays(3), office());
        mvc.perform(get("/api/supervision/notices/{id}", id).with(as("epb-staff"))).andExpect(status().isNotFound());
        reply(id, "正在推进，已完成绿地调查", as("leader")).andExpect(status().isForbidden());
        reply(id, "正在推进，已完成绿地调查", as("linxiang-staff")) // 临翔区政府 leads through 各县区政府
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[?(@.unitName == '临翔区政府')].replyText").value(org.hamcrest.Matchers.contains("正在推进，已完成绿地调查")))
                .andExpect(jsonPath("$.repliedAt").value(org.hamcrest.Matchers.nullValue())); // the other lead units have not
        reply(id, "再答一次", as("linxiang-staff"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已经回复过了")));
    }

    @Test
    void units_and_leaders_cannot_issue_notices_and_bad_input_is_refused_at_its_fields() throws Exception {
        long task = coLedTask();
        String json = "{\"taskId\": %d, \"demands\": \"%s\", \"replyBy\": \"%s\"}";
        mvc.perform(post("/api/supervision/notices").with(as("linxiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json.formatted(task, "x", warnings.today().plusDays(2)))).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/notices").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content(json.formatted(task, "x", warnings.today().plusDays(2)))).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(task, " ", warnings.today())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.demands").value("请填写督办要求。"))
                .andExpect(jsonPath("$.fieldErrors.replyBy").value("回复期限应晚于今天。"));
    }

    @Test
    void a_notice_unanswered_past_its_date_raises_the_task_to_yellow_until_it_is_answered() throws Exception {
        long task = quietTask();
        LocalDate today = warnings.today();
        String id = issue(task, "请报送", today.plusDays(1), office());
        warnings.recompute(task, today.plusDays(1));
        assertThat(level(task)).isEqualTo("NONE"); // the reply date itself is still in time
        warnings.recompute(task, today.plusDays(2));
        assertThat(level(task)).isEqualTo("YELLOW");
        assertThat(jdbc.queryForObject("select reasons from task_warning where task_id = ?", String.class, task))
                .isEqualTo("NOTICE_UNANSWERED");
        reply(id, "已报送", as("epb-staff")).andExpect(status().isOk());
        warnings.recompute(task, today.plusDays(3));
        assertThat(level(task)).isEqualTo("NONE");
    }

    @Test
    void the_notice_downloads_as_an_official_word_document() throws Exception {
        long task = coLedTask();
        String id = issue(task, "一、立即组织自查。\n二、每周报送进展。", warnings.today().plusDays(5), office());
        byte[] docx = mvc.perform(get("/supervision/notices/{id}.docx", id).with(as("linxiang-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("wordprocessingml")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("督 办 单")
                    .contains("市住房城乡建设局、市林业局、各县区党委、各县区政府：")
                    .contains(SHORT_NAME + "·" + ref(task) + " " + GREENING) // a letter names the task with its plan
                    .contains("一、立即组织自查。").contains("二、每周报送进展。")
                    .contains("市环境保护督察工作领导小组办公室"); // the issuing office, not the city
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("BF8F00"); // yellow, as the task
        }
        // the letter on the page names the task as the document does
        mvc.perform(get("/supervision/notices/{id}", id).with(as("linxiang-staff")))
                .andExpect(content().string(containsString("“" + SHORT_NAME + "·" + ref(task) + " " + GREENING + "”")));
    }

    @Test
    void the_office_issues_from_the_desk_and_the_unit_replies_on_the_page() throws Exception {
        long task = quietTask();
        String location = mvc.perform(post("/supervision/notices").param("taskId", String.valueOf(task))
                        .param("demands", "请三日内说明情况").param("replyBy", warnings.today().plusDays(3).toString())
                        .with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("epb-staff")))
                .andExpect(content().string(containsString("请三日内说明情况")))
                .andExpect(content().string(containsString("提交回复")));
        mvc.perform(post(location + "/reply").param("reply", "情况已说明").with(as("epb-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(office()))
                .andExpect(content().string(containsString("情况已说明")))
                .andExpect(content().string(containsString("演示·市环保局经办人")));
    }

    private String issue(long task, String demands, LocalDate replyBy, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(post("/api/supervision/notices").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"%s\", \"replyBy\": \"%s\"}"
                                .formatted(task, demands.replace("\n", "\\n"), replyBy)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return String.valueOf(((Number) JsonPath.read(body, "$.id")).longValue());
    }

    private org.springframework.test.web.servlet.ResultActions reply(String id, String text, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/supervision/notices/{id}/reply", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reply\": \"" + text + "\"}"));
    }

    private int seq(String noticeId) {
        return jdbc.queryForObject("select seq from supervision_notice where id = ?", Integer.class, Long.parseLong(noticeId));
    }

    private String level(long task) {
        return jdbc.queryForObject("select level from task_warning where task_id = ?", String.class, task);
    }

    /**
     * The tests' own task as the notices of the city's plan meet one: in a plan with a short name, led by two city
     * departments and the groups 各县区党委 and 各县区政府 (so 临翔区政府 is one of its lead units), assigned and not
     * started with a milestone passed, so yellow.
     */
    private long coLedTask() throws Exception {
        long plan = TestTasks.inPlan(mvc, plans, units, "督办单测试方案（多单位）").planId();
        mvc.perform(post("/plans/{id}/short-name", plan).param("shortName", SHORT_NAME).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        LocalDate today = warnings.today();
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "督%d", "title": "%s", "text": "%s",
                         "leadUnits": {"unitIds": [%d, %d], "groupIds": [%d, %d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成调查"}, {"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan, SEQ.incrementAndGet(), GREENING, GREENING, unit("市住房城乡建设局"), unit("市林业局"),
                                group("各县区党委"), group("各县区政府"), today.minusDays(10), today.plusYears(1))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long task = ((Number) JsonPath.read(body, "$.id")).longValue();
        TestTasks.command(mvc, task, "ASSIGN");
        warnings.recompute(task, today);
        return task;
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private long group(String name) {
        return units.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    private String ref(long task) {
        return jdbc.queryForObject("select ref from task where id = ?", String.class, task);
    }

    /** A started task of the tests' own plan, led by 市环境保护局, with its only date far away: no warning. */
    private long quietTask() throws Exception {
        return TestTasks.inPlan(mvc, plans, units, "督办单测试方案").started("督办单测试任务",
                units.resolve("市环境保护局").orElseThrow().id(), warnings.today().plusYears(1));
    }
}
