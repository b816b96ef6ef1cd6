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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Programs call the API with a personal token instead of a password: shown once, kept hashed, revocable, expiring. */
@IntegrationTest
@RecordApplicationEvents
class ApiTokenTests {

    static final String PASSWORD = "token-pass-4242";
    private static final Pattern SECRET = Pattern.compile("rct_[A-Za-z0-9_-]{43}");

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

    private long account(String username, Role role) {
        return accounts.create(new NewAccount(username, PASSWORD, "令牌测试", units.resolve("市环境保护局").orElseThrow().id(), role));
    }

    static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }

    /** Creates a token through the API with the account's password, and returns its secret. */
    private String token(String username, String name) throws Exception {
        return token(mvc, username, name);
    }

    /** The same for an account made with {@link #PASSWORD}, from another test. */
    static String token(MockMvc mvc, String username, String name) throws Exception {
        String body = mvc.perform(post("/api/account/tokens").with(httpBasic(username, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"days\": 30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    @Test
    void a_token_made_on_the_page_is_shown_once_and_reads_the_api_exactly_as_its_account_does() throws Exception {
        account("token-page", Role.UNIT_STAFF);
        MockHttpSession session = signIn(mvc, "token-page", PASSWORD);
        String page = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "数据同步").param("days", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group();
        assertThat(page).contains("只显示这一次");

        String again = mvc.perform(get("/account/tokens").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("数据同步", secret.substring(0, 10)).doesNotContain(secret);
        assertThat(jdbc.queryForObject("select count(*) from api_token where prefix = ? and encode(secret_hash, 'escape') like ?",
                Long.class, secret.substring(0, 10), "%" + secret + "%")).isZero();

        String byToken = mvc.perform(get("/api/tasks").with(bearer(secret))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String byPassword = mvc.perform(get("/api/tasks").with(httpBasic("token-page", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(byToken).isEqualTo(byPassword);
        // a token is for the API: pages still want a sign-in
        mvc.perform(get("/tasks").with(bearer(secret))).andExpect(status().is3xxRedirection());
    }

    @Test
    void a_program_reads_the_api_description_with_its_token_and_an_unknown_token_is_refused() throws Exception {
        account("token-docs", Role.UNIT_STAFF);
        String secret = token("token-docs", "接口说明");
        mvc.perform(get("/v3/api-docs").with(bearer(secret))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.paths['/api/tasks']").exists());
        mvc.perform(get("/v3/api-docs").with(bearer("rct_" + "B".repeat(43)))).andExpect(status().isUnauthorized());
    }

    @Test
    void a_revoked_an_expired_an_unknown_token_and_one_of_a_disabled_account_are_refused_with_a_sentence() throws Exception {
        long id = account("token-refused", Role.UNIT_STAFF);
        String revoked = token("token-refused", "revoked");
        String expired = token("token-refused", "expired");
        String disabled = token("token-refused", "disabled");
        long revokedId = jdbc.queryForObject("select id from api_token where name = 'revoked' and account_id = ?", Long.class, id);
        mvc.perform(delete("/api/account/tokens/{id}", revokedId).with(bearer(revoked))).andExpect(status().isNoContent());
        jdbc.update("update api_token set expires_at = now() - interval '1 second' where name = 'expired' and account_id = ?", id);

        for (String secret : new String[]{revoked, expired, "rct_" + "A".repeat(43), "garbage"}) {
            String body = mvc.perform(get("/api/tasks").with(bearer(secret))).andExpect(status().isUnauthorized())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains("接口令牌无效、已撤销或已过期");
        }
        mvc.perform(get("/api/tasks").with(bearer(disabled))).andExpect(status().isOk());
        accounts.setEnabled(id, false);
        mvc.perform(get("/api/tasks").with(bearer(disabled))).andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_cannot_make_tokens_nor_touch_another_accounts_and_every_change_is_recorded() throws Exception {
        long id = account("token-owner", Role.UNIT_STAFF);
        account("token-other", Role.UNIT_STAFF);
        String secret = token("token-owner", "机器人");
        long tokenId = jdbc.queryForObject("select id from api_token where account_id = ?", Long.class, id);

        mvc.perform(post("/api/account/tokens").with(bearer(secret)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"more\"}")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/account/tokens/{id}", tokenId).with(httpBasic("token-other", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/account/tokens").with(httpBasic("token-owner", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"days\": 400}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/tasks").with(bearer(secret))).andExpect(status().isOk());
        mvc.perform(delete("/api/account/tokens/{id}", tokenId).with(httpBasic("token-owner", PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/tasks").with(bearer(secret))).andExpect(status().isUnauthorized());

        assertThat(events.stream(ApiTokenChanged.class).filter(e -> e.accountId() == id).map(ApiTokenChanged::auditAction))
                .containsExactly("api-token.created", "api-token.revoked");
        assertThat(events.stream(ApiTokenChanged.class).filter(e -> e.accountId() == id).map(ApiTokenChanged::auditObject))
                .containsOnly("api-token:" + tokenId);
    }

    @Test
    void successful_calls_with_a_token_or_a_password_write_nothing() throws Exception {
        long id = account("token-quiet", Role.UNIT_STAFF);
        String secret = token("token-quiet", "quiet");
        String before = jdbc.queryForObject("select a.xmin::text || '/' || t.xmin::text from account a join api_token t "
                + "on t.account_id = a.id where a.id = ?", String.class, id);
        long throttled = jdbc.queryForObject("select count(*) from login_throttle", Long.class);
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/tasks").with(bearer(secret))).andExpect(status().isOk());
            mvc.perform(get("/api/tasks").with(httpBasic("token-quiet", PASSWORD))).andExpect(status().isOk());
            mvc.perform(get("/api/tasks").with(DemoLogins.office())).andExpect(status().isOk());
        }
        assertThat(jdbc.queryForObject("select a.xmin::text || '/' || t.xmin::text from account a join api_token t "
                + "on t.account_id = a.id where a.id = ?", String.class, id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from login_throttle", Long.class)).isEqualTo(throttled);
    }
}
