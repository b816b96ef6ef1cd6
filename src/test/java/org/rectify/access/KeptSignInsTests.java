package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.platform.ReplayClock;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A token's account and a session's version are kept a few seconds after a call reads them (issue 14); what changes
 * them on this node still holds on the very next call, and a token past its expiry is refused whatever is kept.
 */
@IntegrationTest
class KeptSignInsTests {

    static final String PASSWORD = "kept-pass-4242";
    private static final Pattern SECRET = Pattern.compile("rct_[A-Za-z0-9_-]{43}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    private long account(String username, Role role) {
        return accounts.create(new NewAccount(username, PASSWORD, "缓存测试", units.resolve("市环境保护局").orElseThrow().id(), role));
    }

    private static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }

    private String token(String username) throws Exception {
        String body = mvc.perform(post("/api/account/tokens").with(httpBasic(username, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"kept\", \"days\": 30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private ResultActions call(String path, String secret) throws Exception {
        return mvc.perform(get(path).with(bearer(secret)));
    }

    @Test
    void a_token_revoked_just_after_a_call_is_refused_on_the_next() throws Exception {
        long id = account("kept-revoked", Role.UNIT_STAFF);
        String secret = token("kept-revoked");
        call("/api/tasks/count", secret).andExpect(status().isOk());
        call("/api/tasks/count", secret).andExpect(status().isOk());
        long tokenId = jdbc.queryForObject("select id from api_token where account_id = ?", Long.class, id);

        mvc.perform(delete("/api/account/tokens/{id}", tokenId).with(httpBasic("kept-revoked", PASSWORD)))
                .andExpect(status().isNoContent());

        String body = call("/api/tasks/count", secret).andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("接口令牌无效、已撤销或已过期");
    }

    @Test
    void a_token_kept_a_moment_ago_is_refused_once_it_has_expired() throws Exception {
        account("kept-expiring", Role.UNIT_STAFF);
        String secret = token("kept-expiring");
        Instant expires = jdbc.queryForObject("select expires_at from api_token t join account a on a.id = t.account_id "
                + "where a.username = 'kept-expiring'", java.sql.Timestamp.class).toInstant();
        call("/api/tasks/count", secret).andExpect(status().isOk());

        // the same call a second before and a second after the token's end (the application's clock, on this thread)
        ReplayClock.at(expires.minus(Duration.ofSeconds(1)), () -> assertThat(statusOf(secret)).isEqualTo(200));
        ReplayClock.at(expires.plus(Duration.ofSeconds(1)), () -> assertThat(statusOf(secret)).isEqualTo(401));
    }

    private int statusOf(String secret) {
        try {
            return call("/api/tasks/count", secret).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_new_role_given_to_a_tokens_account_holds_on_its_next_call() throws Exception {
        long id = account("kept-promoted", Role.UNIT_STAFF);
        String secret = token("kept-promoted");
        call("/api/admin/webhooks", secret).andExpect(status().isForbidden());
        long city = units.resolve("临沧市").orElseThrow().id();

        mvc.perform(put("/api/admin/accounts/{id}/assignment", id).with(DemoLogins.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"OFFICE\",\"unitId\":" + city + "}"))
                .andExpect(status().isOk());

        call("/api/admin/webhooks", secret).andExpect(status().isOk());
        accounts.setEnabled(id, false);
        call("/api/admin/webhooks", secret).andExpect(status().isUnauthorized());
    }

    @Test
    void a_session_whose_version_was_kept_ends_on_the_call_after_its_password_is_reset() throws Exception {
        long id = account("kept-session", Role.UNIT_STAFF);
        MockHttpSession session = signIn(mvc, "kept-session", PASSWORD);
        mvc.perform(get("/api/tasks/count").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/tasks/count").session(session)).andExpect(status().isOk());

        accounts.resetPassword(id, "admin");

        mvc.perform(get("/api/tasks/count").session(session)).andExpect(status().isUnauthorized());
    }
}
