package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.rectify.DemoLogins.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Route by route, role by role. {IN} is a demo task every demo account can see (二(二): 市环境保护局 supports
 * it, 各县区党委/政府 lead it); {OUT} is one that 临翔区's accounts cannot see (三(四): city units only).
 */
@IntegrationTest
class AccessControlTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    org.rectify.plans.Plans plans;
    @Autowired
    org.rectify.units.Units units;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            // the ledger and a task in scope: everyone signed in
            "GET, /tasks, office, 200", "GET, /tasks, supervisor, 200", "GET, /tasks, leader, 200",
            "GET, /tasks, epb-head, 200", "GET, /tasks, epb-staff, 200", "GET, /tasks, linxiang-staff, 200",
            "GET, /tasks/{IN}, linxiang-staff, 200", "GET, /api/tasks/{IN}, epb-staff, 200",
            "GET, /plans, leader, 200", "GET, /api/plans, linxiang-staff, 200",
            // outside the scope: 404, never 403, for pages and API alike
            "GET, /tasks/{OUT}, linxiang-staff, 404", "GET, /api/tasks/{OUT}, linxiang-staff, 404",
            "GET, /tasks/{OUT}/edit, linxiang-office, 404", "PUT, /api/tasks/{OUT}, linxiang-office, 404",
            "POST, /api/tasks/{OUT}/transitions, linxiang-staff, 404", "POST, /tasks/{OUT}/transitions, linxiang-staff, 404",
            "GET, /tasks/999999999, office, 404", "GET, /api/tasks/999999999, office, 404", "GET, /tasks/abc, office, 404",
            // writing tasks: the office and administrators only
            "GET, /tasks/new, office, 200", "GET, /tasks/new, admin, 200", "GET, /tasks/new, supervisor, 403",
            "GET, /tasks/new, epb-staff, 403", "GET, /tasks/{IN}/edit, leader, 403", "GET, /tasks/{IN}/edit, office, 200",
            "POST, /api/tasks, epb-staff, 403", "POST, /api/tasks, leader, 403", "PUT, /api/tasks/{IN}, epb-head, 403",
            "POST, /api/plans, supervisor, 403",
            // administration: administrators only
            "GET, /admin/units, office, 403", "GET, /admin/units, epb-staff, 403", "GET, /admin/units, admin, 200",
    })
    void each_route_answers_each_role_as_the_rules_say(String method, String route, String user, int expected) throws Exception {
        String path = route.replace("{IN}", String.valueOf(taskId("二(二)"))).replace("{OUT}", String.valueOf(taskId("三(四)")));
        String body = method.equals("PUT") ? "{\"version\":0,\"task\":{\"planId\":1,\"ref\":\"x\",\"text\":\"x\"}}"
                : path.endsWith("transitions") && path.startsWith("/api") ? "{\"command\":\"START\"}" : "{}";
        var req = request(HttpMethod.valueOf(method), path).with(as(user)).with(csrf());
        if (path.startsWith("/api")) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        } else if (method.equals("POST")) {
            req.param("command", "START");
        }
        mvc.perform(req).andExpect(status().is(expected));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page_and_the_api_answers_401() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void a_task_out_of_scope_looks_exactly_like_a_missing_one() throws Exception {
        mvc.perform(get("/api/tasks/{id}", taskId("三(四)")).with(as("linxiang-staff")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("任务不存在，或不在您的查看范围内。"));
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        mvc.perform(get("/api/tasks").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("office", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    // ---- "which office": the holes found by probing a fresh demo as 临翔区's office (issue 9) ----

    @Test
    void a_county_office_cannot_read_edit_publish_or_delete_the_citys_circular_draft() throws Exception {
        long draft = cityCircularDraft();
        String before = circularRow(draft);
        for (String user : List.of("linxiang-office", "linxiang-supervisor")) {
            mvc.perform(get("/api/supervision/circulars/{id}", draft).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/supervision/circulars/{id}", draft).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(put("/api/supervision/circulars/{id}", draft).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":0,\"title\":\"改\",\"addressees\":\"改\",\"body\":\"改\",\"issuerUnit\":\"临翔区\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/supervision/circulars/{id}/publish", draft).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(delete("/api/supervision/circulars/{id}", draft).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/supervision/circulars").with(as(user)))
                    .andExpect(jsonPath("$[?(@.id == %d)]".formatted(draft)).isEmpty());
        }
        assertThat(circularRow(draft)).isEqualTo(before);
        mvc.perform(get("/api/supervision/circulars/{id}", draft).with(as("office"))).andExpect(status().isOk());
    }

    @Test
    void a_county_office_reads_a_city_task_its_county_leads_but_cannot_rewrite_its_lead_units() throws Exception {
        long task = taskId("二(二)"); // 各县区党委/政府 lead it: 临翔区's office reads it
        String before = taskRow(task);
        String detail = mvc.perform(get("/api/tasks/{id}", task).with(as("linxiang-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int version = com.jayway.jsonpath.JsonPath.read(detail, "$.version");
        mvc.perform(put("/api/tasks/{id}", task).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": %d, \"task\": {\"planId\": %d, \"ref\": \"二(二)\", \"text\": \"改写\", \"leadUnits\": {\"unitIds\": [%d]}}}"
                                .formatted(version, Demo.planId(plans), unit("临翔区政府"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}/edit", task).with(as("linxiang-office"))).andExpect(status().isNotFound());
        assertThat(taskRow(task)).isEqualTo(before);
    }

    @Test
    void a_county_office_cannot_cancel_or_otherwise_transition_a_city_task_and_sees_no_buttons() throws Exception {
        long task = taskId("二(二)");
        String before = taskRow(task);
        for (String command : List.of("CANCEL", "ASSIGN", "CLOSE", "START")) {
            mvc.perform(post("/api/tasks/{id}/transitions", task).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"%s\", \"reason\": \"越权\"}".formatted(command))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/tasks/{id}/transitions", task).with(as("linxiang-office")).with(csrf()).param("command", "CANCEL")
                .param("reason", "越权")).andExpect(status().isNotFound());
        assertThat(taskRow(task)).isEqualTo(before);
        mvc.perform(get("/tasks/{id}", task).with(as("linxiang-office"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"command\""))))
                .andExpect(content().string(not(containsString("/tasks/" + task + "/edit"))));
    }

    @Test
    void a_county_office_cannot_change_the_city_plans_warning_settings_or_cadence() throws Exception {
        long plan = Demo.planId(plans);
        String settings = settingsRow(plan);
        String cadence = jdbc.queryForObject("select row_to_json(c)::text from reporting_cadence c where plan_id = ?", String.class, plan);
        mvc.perform(put("/api/supervision/settings/{id}", plan).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"blueDays\": 1, \"reportGraceDays\": 0}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/supervision/settings/{id}", plan).with(as("linxiang-office"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/progress/plans/{id}/cadence", plan).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"QUARTERLY\", \"dueDay\": 1, \"graceDays\": 0}")).andExpect(status().isNotFound());
        assertThat(settingsRow(plan)).isEqualTo(settings);
        assertThat(jdbc.queryForObject("select row_to_json(c)::text from reporting_cadence c where plan_id = ?", String.class, plan))
                .isEqualTo(cadence);
    }

    @Test
    void a_county_office_neither_lists_nor_redirects_the_citys_webhook_and_no_listing_shows_a_token() throws Exception {
        long cityHook = webhook("office", "{\"name\": \"市群机器人\", \"format\": \"DINGTALK\", "
                + "\"url\": \"https://oapi.dingtalk.com/robot/send?access_token=city-secret-token\", \"unitId\": %d}".formatted(unit("临沧市")));
        String before = jdbc.queryForObject("select url || '|' || coalesce(unit_id, 0) from webhook where id = ?", String.class, cityHook);
        mvc.perform(get("/api/admin/webhooks").with(as("linxiang-office"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == %d)]".formatted(cityHook)).isEmpty());
        mvc.perform(get("/admin/webhooks/{id}", cityHook).with(as("linxiang-office"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/admin/webhooks/{id}", cityHook).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"劫持\", \"format\": \"GENERIC\", \"url\": \"https://evil.example/hook\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/webhooks/{id}/enabled", cityHook).param("enabled", "false").with(as("linxiang-office")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/webhooks/{id}/test", cityHook).with(as("linxiang-office"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select url || '|' || coalesce(unit_id, 0) from webhook where id = ?", String.class, cityHook))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select enabled from webhook where id = ?", Boolean.class, cityHook)).isTrue();
        // the city's office sees it, with the token masked, in the API and on the page
        mvc.perform(get("/api/admin/webhooks").with(as("office")))
                .andExpect(jsonPath("$[?(@.id == %d)].url".formatted(cityHook)).value("https://oapi.dingtalk.com/robot/send?access_token=******"))
                .andExpect(content().string(not(containsString("city-secret-token"))));
        mvc.perform(get("/admin/webhooks/{id}", cityHook).with(as("office"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("city-secret-token"))));
        // saving the masked URL back keeps the token
        mvc.perform(put("/api/admin/webhooks/{id}", cityHook).with(as("office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"市群机器人（改名）\", \"format\": \"DINGTALK\", "
                                + "\"url\": \"https://oapi.dingtalk.com/robot/send?access_token=******\", \"unitId\": %d}".formatted(unit("临沧市"))))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select url from webhook where id = ?", String.class, cityHook))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=city-secret-token");
    }

    @Test
    void a_county_office_cannot_create_an_all_units_webhook_nor_one_for_the_city() throws Exception {
        long own = webhook("linxiang-office", "{\"name\": \"临翔区群\", \"format\": \"GENERIC\", \"url\": \"https://hooks.example/linxiang\"}");
        assertThat(jdbc.queryForObject("select unit_id from webhook where id = ?", Long.class, own)).isEqualTo(unit("临翔区"));
        mvc.perform(post("/api/admin/webhooks").with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"全市\", \"format\": \"GENERIC\", \"url\": \"https://hooks.example/all\", \"unitId\": %d}"
                                .formatted(unit("临沧市"))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from webhook where url = 'https://hooks.example/all'", Integer.class)).isZero();
        mvc.perform(get("/admin/webhooks").with(as("linxiang-office"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("全部单位"))));
    }

    @Test
    void a_county_office_edits_and_cancels_the_tasks_of_its_own_plan() throws Exception {
        long plan = plans.createPlan(null, "临翔区自查清单（测试）", "临翔区", null, unit("临翔区"));
        String created = mvc.perform(post("/api/tasks").with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planId\": %d, \"ref\": \"一\", \"text\": \"整治\", \"leadUnits\": {\"unitIds\": [%d]}}"
                                .formatted(plan, unit("临翔区政府"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long task = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        mvc.perform(put("/api/tasks/{id}", task).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"task\": {\"planId\": %d, \"ref\": \"一\", \"text\": \"整治到位\", \"leadUnits\": {\"unitIds\": [%d]}}}"
                                .formatted(plan, unit("临翔区环境保护局"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/transitions", task).with(as("linxiang-office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"CANCEL\", \"reason\": \"合并\"}")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select status || '|' || text from task where id = ?", String.class, task))
                .isEqualTo("CANCELLED|整治到位");
        // the city's office governs the county's plan too (it lies in its subtree); the county's supervisor reads it
        mvc.perform(get("/api/tasks/{id}", task).with(as("office"))).andExpect(status().isOk());
        mvc.perform(put("/api/supervision/settings/{id}", plan).with(as("linxiang-supervisor")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"blueDays\": 1, \"reportGraceDays\": 0}")).andExpect(status().isForbidden());
    }

    @Test
    void a_county_supervisor_issues_notices_on_its_countys_plan_but_not_on_a_city_task_it_reads() throws Exception {
        long cityTask = taskId("二(二)");
        long notices = jdbc.queryForObject("select count(*) from supervision_notice where task_id = ?", Long.class, cityTask);
        mvc.perform(get("/supervision/tasks/{id}/notices", cityTask).with(as("linxiang-supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"issue-notice\""))));
        mvc.perform(get("/supervision/notices/new").param("taskId", String.valueOf(cityTask)).with(as("linxiang-supervisor")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/supervision/notices").with(as("linxiang-supervisor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"越权督办\", \"replyBy\": \"2099-01-01\"}".formatted(cityTask)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from supervision_notice where task_id = ?", Long.class, cityTask)).isEqualTo(notices);
        long countyTask = jdbc.queryForObject("select t.id from task t join plan p on p.id = t.plan_id where p.title = ? and t.ref = '临翔1'",
                Long.class, "临翔区环境问题整改清单（演示）");
        mvc.perform(get("/supervision/tasks/{id}/notices", countyTask).with(as("linxiang-supervisor")))
                .andExpect(content().string(containsString("id=\"issue-notice\"")));
    }

    private long cityCircularDraft() throws Exception {
        String body = mvc.perform(post("/api/supervision/circulars").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }

    private long webhook(String user, String json) throws Exception {
        String body = mvc.perform(post("/api/admin/webhooks").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }

    private String circularRow(long id) {
        return jdbc.queryForObject("select row_to_json(c)::text from circular c where id = ?", String.class, id);
    }

    private String taskRow(long id) {
        return jdbc.queryForObject("select row_to_json(t)::text || (select coalesce(string_agg(unit_id || role, ',' order by unit_id, role), '') "
                + "from task_unit where task_id = t.id) from task t where id = ?", String.class, id);
    }

    private String settingsRow(long plan) {
        return jdbc.queryForObject("select coalesce((select row_to_json(s)::text from supervision_settings s where plan_id = ?), 'none')",
                String.class, plan);
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private long taskId(String ref) {
        return ledger.find(LedgerFilter.ofPlan(null, LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL)
                .tasks().stream().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow().id();
    }
}
