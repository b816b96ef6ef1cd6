package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A foreign page cannot make a signed-in browser write through the API: a write that rides on the session cookie
 * needs the CSRF token (which the pages send), the cookie is SameSite=Lax and HttpOnly; callers with their own
 * credentials (HTTP Basic) need no token.
 */
@IntegrationTest
class ApiCsrfTests {

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

    @Test
    void an_api_write_with_the_session_cookie_but_without_the_token_is_refused_and_changes_nothing() throws Exception {
        long id = accounts.create(new NewAccount("csrf-target", "csrf-password-1", "跨站测试",
                units.resolve("临沧市").orElseThrow().id(), Role.UNIT_STAFF));
        MockHttpSession admin = signIn(mvc, "admin", DemoLogins.PASSWORD);

        mvc.perform(put("/api/admin/accounts/{id}/email", id).session(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"attacker@evil.example\"}"))
                .andExpect(status().isForbidden());
        assertThat(email(id)).isNull();

        mvc.perform(put("/api/admin/accounts/{id}/email", id).session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"page@example.gov.cn\"}"))
                .andExpect(status().isOk());
        assertThat(email(id)).isEqualTo("page@example.gov.cn");

        mvc.perform(put("/api/admin/accounts/{id}/email", id).with(DemoLogins.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"robot@example.gov.cn\"}"))
                .andExpect(status().isOk());
        assertThat(email(id)).isEqualTo("robot@example.gov.cn");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_hidden_from_scripts() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    private String email(long id) {
        return jdbc.queryForObject("select email from account where id = ?", String.class, id);
    }
}
