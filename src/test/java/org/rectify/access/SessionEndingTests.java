package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.SignInThrottleTests.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An account's open sessions end when it is disabled or given another role or unit; other accounts' go on. */
@IntegrationTest
@RecordApplicationEvents
class SessionEndingTests {

    static final String PASSWORD = "session-pass-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    private long account(String username) {
        return accounts.create(new NewAccount(username, PASSWORD, "会话测试", units.resolve("市环境保护局").orElseThrow().id(),
                Role.UNIT_STAFF));
    }

    /** Signs in through the form, as a browser does, and returns the session. */
    static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                        .with(csrf()).with(from("10.9.6.1")))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void disabling_an_account_signs_it_out_of_its_open_session_and_refuses_its_basic_calls() throws Exception {
        long id = account("session-disabled");
        MockHttpSession session = signIn(mvc, "session-disabled", PASSWORD);
        MockHttpSession office = signIn(mvc, "office", DemoLogins.PASSWORD);
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/accounts/{id}/enabled", id).param("enabled", "false").with(DemoLogins.admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/tasks").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tasks").with(httpBasic("session-disabled", PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/tasks").session(office)).andExpect(status().isOk());
        mvc.perform(put("/api/admin/accounts/{id}/enabled", id).with(DemoLogins.admin())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(put("/api/admin/accounts/{id}/enabled", id).with(DemoLogins.admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true}")).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic("session-disabled", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(events.stream(AccountChanged.class).filter(e -> e.accountId() == id).map(AccountChanged::auditAction))
                .containsExactly("account.created", "account.disabled", "account.enabled");
    }

    @Test
    void a_new_role_or_unit_ends_the_open_session_and_the_next_sign_in_has_the_new_scope() throws Exception {
        long id = account("session-moved");
        MockHttpSession session = signIn(mvc, "session-moved", PASSWORD);
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        long linxiang = units.resolve("临翔区政府").orElseThrow().id();

        mvc.perform(put("/api/admin/accounts/{id}/assignment", id).with(DemoLogins.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"UNIT_HEAD\",\"unitId\":" + linxiang + "}"))
                .andExpect(status().isOk());

        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.queryForObject("select role || ':' || unit_id from account where id = ?", String.class, id))
                .isEqualTo("UNIT_HEAD:" + linxiang);
        MockHttpSession again = signIn(mvc, "session-moved", PASSWORD);
        String page = mvc.perform(get("/tasks").session(again)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("临翔区政府");
        assertThat(events.stream(AccountChanged.class).filter(e -> e.accountId() == id && e.change() == AccountChanged.Change.REASSIGNED))
                .hasSize(1);
    }

    @Test
    void saving_the_same_role_and_unit_changes_nothing_and_keeps_the_session() throws Exception {
        long id = account("session-same");
        MockHttpSession session = signIn(mvc, "session-same", PASSWORD);
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        mvc.perform(post("/admin/accounts/{id}/assignment", id).param("role", "UNIT_STAFF").param("unitId", String.valueOf(epb))
                        .with(DemoLogins.admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        assertThat(events.stream(AccountChanged.class).filter(e -> e.accountId() == id && e.change() == AccountChanged.Change.REASSIGNED))
                .isEmpty();
    }
}
