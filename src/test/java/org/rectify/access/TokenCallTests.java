package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.HttpSignIn;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.ApiTokenTests.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API calls with a token have a security chain of their own that keeps no session (issue 14: the fixed cost of every
 * call); they are protected as a page's or a password's call is: the same headers, the same roles, a bad token or a
 * password still to be changed refused, and a session cookie beside the token neither lends its rights nor is touched.
 */
@IntegrationTest
class TokenCallTests {

    private static final String PASSWORD = ApiTokenTests.PASSWORD;
    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "Referrer-Policy",
            "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Cache-Control", "Pragma", "Expires");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private long account(String username, Role role) {
        return accounts.create(new NewAccount(username, PASSWORD, "令牌链测试", units.resolve("市环境保护局").orElseThrow().id(), role));
    }

    private String token(String username) throws Exception {
        return ApiTokenTests.token(mvc, username, "链");
    }

    @Test
    void a_token_call_is_answered_with_the_same_security_headers_as_a_password_call_and_makes_no_session() throws Exception {
        account("chain-headers", Role.UNIT_STAFF);
        String secret = token("chain-headers");
        for (String path : List.of("/api/tasks/count", "/api/tasks?size=2", "/v3/api-docs")) {
            MvcResult byToken = mvc.perform(get(path).with(bearer(secret))).andExpect(status().isOk()).andReturn();
            MockHttpServletResponse byPassword = mvc.perform(get(path).with(httpBasic("chain-headers", PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse();
            for (String header : SECURITY_HEADERS) {
                assertThat(byToken.getResponse().getHeader(header)).as(header + " on " + path)
                        .isNotNull().isEqualTo(byPassword.getHeader(header));
            }
            assertThat(byToken.getResponse().getContentAsString()).isEqualTo(byPassword.getContentAsString());
            assertThat(byToken.getRequest().getSession(false)).as("a session made for a token call").isNull();
        }
        // refused calls carry them too
        MockHttpServletResponse refused = mvc.perform(get("/api/tasks/count").with(bearer("rct_" + "C".repeat(43))))
                .andExpect(status().isUnauthorized()).andReturn().getResponse();
        assertThat(refused.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void a_token_beside_an_administrators_session_cookie_has_only_its_own_accounts_rights_and_leaves_the_session_alone()
            throws Exception {
        long target = account("chain-target", Role.UNIT_STAFF);
        account("chain-staff", Role.UNIT_STAFF);
        String staff = token("chain-staff");
        MockHttpSession admin = signIn(mvc, "admin", DemoLogins.PASSWORD);

        // the token decides who calls: staff may not read nor change accounts, even with the admin's cookie beside it
        mvc.perform(get("/api/admin/accounts").session(admin).with(bearer(staff))).andExpect(status().isForbidden());
        mvc.perform(put("/api/admin/accounts/{id}/email", target).session(admin).with(bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"attacker@evil.example\"}"))
                .andExpect(status().isForbidden());
        // a bad token beside the cookie is refused, not passed on to the session (which has no CSRF token here)
        mvc.perform(put("/api/admin/accounts/{id}/email", target).session(admin).with(bearer("garbage"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"attacker@evil.example\"}"))
                .andExpect(status().isUnauthorized());
        // and the cookie alone still needs its CSRF token to write
        mvc.perform(put("/api/admin/accounts/{id}/email", target).session(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"attacker@evil.example\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, target)).isNull();

        // the session is the administrator's as before: still signed in, still the administrator
        assertThat(admin.isInvalid()).isFalse();
        mvc.perform(get("/api/admin/accounts").session(admin)).andExpect(status().isOk());
    }

    /**
     * Over HTTP, as a browser's cookie is sent: the session's id is neither changed nor renewed by a token call (a
     * session-fixation guard run for the token's sign-in would give it a new id, and the browser would be signed out).
     */
    @Test
    void a_token_call_over_http_beside_a_browsers_session_cookie_leaves_the_cookie_signed_in() throws Exception {
        account("chain-http", Role.UNIT_STAFF);
        String secret = token("chain-http");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        String session = HttpSignIn.session(http, base, "office");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> byToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/count"))
                    .header("Authorization", "Bearer " + secret).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(byToken.statusCode()).isEqualTo(200);
            assertThat(byToken.headers().allValues("Set-Cookie")).as("a cookie set by a token call").isEmpty();
        }
        HttpResponse<String> byCookie = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/count"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byCookie.statusCode()).as("the office's session after the token calls").isEqualTo(200);
    }

    @Test
    void a_token_whose_account_was_given_a_one_time_password_may_only_be_refused_until_the_password_is_chosen()
            throws Exception {
        long id = account("chain-reset", Role.UNIT_STAFF);
        String secret = token("chain-reset");
        mvc.perform(get("/api/tasks/count").with(bearer(secret))).andExpect(status().isOk());

        mvc.perform(post("/api/admin/accounts/{id}/password-reset", id).with(DemoLogins.admin())).andExpect(status().isOk());

        mvc.perform(get("/api/tasks/count").with(bearer(secret)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("修改密码")));
    }
}
