package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * NUL bytes, absurd dates and 100,000-character fields, in query parameters, page forms and JSON bodies: each is
 * a 422 with a sentence naming the field, in Chinese by default and in English for an English reader, and
 * nothing is written.
 */
@IntegrationTest
class OddInputTests {

    private static final String NUL = "\u0000";

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_nul_byte_in_the_api_search_is_refused_with_a_sentence_in_chinese_and_in_english() throws Exception {
        mvc.perform(get("/api/tasks").param("q", "河道" + NUL + "' or 1=1").with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“q”含有不可见的控制字符（如 NUL 字节），请删除后再提交。"))
                .andExpect(jsonPath("$.fieldErrors.q").exists());
        mvc.perform(get("/api/tasks").param("q", "河道" + NUL).param("lang", "en").header("Accept-Language", "en")
                        .with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(
                        "\"q\" contains an invisible control character (such as a NUL byte); remove it and submit again."));
    }

    @Test
    void a_nul_byte_in_a_page_filter_shows_the_sentence_on_the_error_page() throws Exception {
        mvc.perform(get("/tasks").param("q", NUL).with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“q”含有不可见的控制字符")));
        mvc.perform(get("/admin/units").param("q", "临" + NUL).param("lang", "en").with(as("admin")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("contains an invisible control character")));
    }

    @Test
    void a_nul_byte_in_a_json_body_is_refused_and_nothing_is_saved() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "输入检查测试方案");
        long lead = units.resolve("市环境保护局").orElseThrow().id();
        int before = count(tasks.planId());
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(taskJson(tasks.planId(), "标题\\u0000注入", lead, "2027-06-30")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“title”含有不可见的控制字符（如 NUL 字节），请删除后再提交。"))
                .andExpect(jsonPath("$.fieldErrors.title").exists());
        assertThat(count(tasks.planId())).isEqualTo(before);
    }

    @Test
    void a_date_in_the_year_99999_is_refused_in_a_filter_and_in_a_body() throws Exception {
        mvc.perform(get("/api/tasks").param("deadlineFrom", "+99999-01-01").with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“deadlineFrom”的日期须在 1949 年至 2200 年之间，请检查年份。"));
        mvc.perform(get("/tasks").param("deadlineTo", "+99999-01-01").param("lang", "en").with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("must be a date between the years 1949 and 2200")));

        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "输入检查测试方案");
        long lead = units.resolve("市环境保护局").orElseThrow().id();
        int before = count(tasks.planId());
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(taskJson(tasks.planId(), "远期任务", lead, "+99999-01-01")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“dueOn”的日期须在 1949 年至 2200 年之间，请检查年份。"))
                .andExpect(jsonPath("$.fieldErrors.dueOn").exists());
        mvc.perform(post("/api/tasks").with(office()).header("Accept-Language", "en").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(taskJson(tasks.planId(), "远期任务", lead, "+99999-01-01")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("\"dueOn\" must be a date between the years 1949 and 2200; check the year."));
        assertThat(count(tasks.planId())).isEqualTo(before);
    }

    @Test
    void a_title_of_100000_characters_is_refused_in_a_body_and_in_a_page_form_and_the_task_is_unchanged() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "输入检查测试方案");
        long lead = units.resolve("市环境保护局").orElseThrow().id();
        long id = tasks.draft("原来的标题", lead, LocalDate.of(2027, 6, 30));
        String huge = "长".repeat(100_000);
        mvc.perform(put("/api/tasks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"task\": " + taskJson(tasks.planId(), huge, lead, "2027-06-30") + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“title”超过 1000 个字符的长度上限，请精简后再提交。"))
                .andExpect(jsonPath("$.fieldErrors.title").exists());
        mvc.perform(post("/tasks/{id}", id).with(office()).with(csrf()).param("lang", "en")
                        .param("version", "0").param("planId", String.valueOf(tasks.planId())).param("title", huge))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is longer than the limit of 1000 characters")));
        assertThat(jdbc.queryForObject("select title from task where id = ?", String.class, id)).isEqualTo("原来的标题");
        assertThat(jdbc.queryForObject("select version from task where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void a_nul_byte_in_a_sign_in_is_a_failed_sign_in_not_a_server_error() throws Exception {
        int status = mvc.perform(post("/login").with(csrf()).param("username", "adm" + NUL + "in")
                .param("password", "rectify-demo")).andReturn().getResponse().getStatus();
        assertThat(status).isLessThan(500).isNotEqualTo(200);
        mvc.perform(get("/api/tasks").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("off" + NUL + "ice", "rectify-demo")))
                .andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return org.rectify.DemoLogins.as(user);
    }

    private int count(long planId) {
        return jdbc.queryForObject("select count(*) from task where plan_id = ?", Integer.class, planId);
    }

    private static String taskJson(long planId, String title, long lead, String dueOn) {
        return """
                {"planId": %d, "ref": "X1", "title": "%s", "text": "正文",
                 "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                .formatted(planId, title, lead, dueOn);
    }
}
