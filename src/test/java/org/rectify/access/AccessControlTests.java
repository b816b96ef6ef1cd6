package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.IntegrationTest;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
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

    private long taskId(String ref) {
        return ledger.find(LedgerFilter.ofPlan(null, LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL)
                .tasks().stream().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow().id();
    }
}
