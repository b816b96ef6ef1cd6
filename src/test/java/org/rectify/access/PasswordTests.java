package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user changes their password; an administrator resets a forgotten one to a one-time password. Both are recorded. */
@IntegrationTest
@RecordApplicationEvents
class PasswordTests {

    static final String FIRST = "first-password-1";
    static final String SECOND = "second-password-2";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    ApplicationEvents events;

    private long account(String username) {
        return accounts.create(new NewAccount(username, FIRST, "密码测试", units.resolve("市环境保护局").orElseThrow().id(),
                Role.UNIT_STAFF));
    }

    @Test
    void a_user_changes_their_password_giving_the_current_one_and_their_other_sessions_end() throws Exception {
        long id = account("pw-change");
        MockHttpSession here = signIn(mvc, "pw-change", FIRST);
        MockHttpSession elsewhere = signIn(mvc, "pw-change", FIRST);

        change(here, "not-the-password", SECOND, SECOND).andExpect(content().string(containsString("当前密码不正确")));
        mvc.perform(post("/account/password").session(here).with(csrf()).param("current", FIRST))
                .andExpect(status().isOk()).andExpect(content().string(containsString("密码至少10位")));
        change(here, FIRST, "short", "short").andExpect(content().string(containsString("密码至少10位")));
        change(here, FIRST, "1234567890", "1234567890").andExpect(content().string(containsString("这个密码太常见")));
        change(here, FIRST, "my-pw-change-pass", "my-pw-change-pass").andExpect(content().string(containsString("不能包含用户名")));
        change(here, FIRST, FIRST, FIRST).andExpect(content().string(containsString("不能与当前密码相同")));
        change(here, FIRST, SECOND, SECOND + "x").andExpect(content().string(containsString("两次输入的新密码不一致")));
        mvc.perform(get("/api/tasks").with(httpBasic("pw-change", FIRST))).andExpect(status().isOk());

        change(here, FIRST, SECOND, SECOND).andExpect(redirectedUrl("/"));

        mvc.perform(get("/tasks").session(here)).andExpect(status().isOk());
        mvc.perform(get("/tasks").session(elsewhere)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/tasks").with(httpBasic("pw-change", FIRST))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tasks").with(httpBasic("pw-change", SECOND))).andExpect(status().isOk());
        assertThat(events.stream(AccountChanged.class).filter(e -> e.accountId() == id && e.change() == AccountChanged.Change.PASSWORD_CHANGED))
                .singleElement().satisfies(e -> assertThat(e.auditAction()).isEqualTo("account.password-changed"));
    }

    @Test
    void an_administrators_reset_gives_a_one_time_password_that_only_opens_the_password_form() throws Exception {
        long id = account("pw-reset");
        MockHttpSession before = signIn(mvc, "pw-reset", FIRST);

        String body = mvc.perform(post("/api/admin/accounts/{id}/password-reset", id).with(DemoLogins.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String oneTime = body.replaceAll(".*\"oneTimePassword\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(oneTime).hasSize(12);

        mvc.perform(get("/tasks").session(before)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/tasks").with(httpBasic("pw-reset", FIRST))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tasks").with(httpBasic("pw-reset", oneTime)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("修改密码")));

        MockHttpSession session = signIn(mvc, "pw-reset", oneTime);
        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("一次性密码")));
        change(session, oneTime, SECOND, SECOND).andExpect(redirectedUrl("/"));
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic("pw-reset", SECOND))).andExpect(status().isOk());
        assertThat(events.stream(AccountChanged.class).filter(e -> e.accountId() == id).map(AccountChanged::auditAction))
                .containsExactly("account.created", "account.password-reset", "account.password-changed");
    }

    @Test
    void the_accounts_page_shows_the_one_time_password_once() throws Exception {
        long id = account("pw-page-reset");
        var flash = mvc.perform(post("/admin/accounts/{id}/password-reset", id).with(DemoLogins.admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts")).andReturn().getFlashMap();
        assertThat((String) flash.get("flash")).contains("pw-page-reset").contains("一次性密码");
        mvc.perform(get("/admin/accounts").with(DemoLogins.admin()))
                .andExpect(content().string(containsString("待改密码")));
    }

    private org.springframework.test.web.servlet.ResultActions change(MockHttpSession session, String current, String password,
                                                                      String repeated) throws Exception {
        return mvc.perform(post("/account/password").session(session).with(csrf())
                .param("current", current).param("password", password).param("repeated", repeated));
    }
}
