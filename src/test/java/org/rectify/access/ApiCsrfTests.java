package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.access.SessionEndingTests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
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
    @Autowired
    org.rectify.audit.AuditLog auditLog;
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

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

    /**
     * Generated from the request mappings, so that a module added later is held to it too: each {@code /api} write,
     * sent on an administrator's session cookie without the token, is refused before it reaches its controller.
     */
    @Test
    void every_api_write_route_refuses_a_session_without_the_token() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin", DemoLogins.PASSWORD);
        long auditBefore = auditHead();
        java.util.Set<String> routes = new java.util.TreeSet<>();
        for (var mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    info.getPathPatternsCondition().getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                            .filter(p -> !java.util.Set.of("GET", "HEAD", "OPTIONS").contains(method.name()))
                            .forEach(p -> routes.add(method.name() + " " + p));
                }
            }
        }
        java.util.List<String> answered = new java.util.ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            String uri = parts[1].replaceAll("\\{[^}]*}", "1");
            int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), uri).session(admin)
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus();
            if (status != 403) {
                answered.add(route + " → " + status);
            }
        }
        System.out.printf("CSRF: %d /api write routes on a session without the token; answered=%d%n", routes.size(), answered.size());
        assertThat(routes).hasSizeGreaterThan(40).contains("POST /api/closures", "POST /api/account/tokens",
                "POST /api/look-backs/campaigns");
        assertThat(answered).as("API writes that a foreign page could make with the session cookie").isEmpty();
        assertThat(auditHead()).as("nothing was recorded, so nothing was done").isEqualTo(auditBefore);
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

    private long auditHead() {
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    private String email(long id) {
        return jdbc.queryForObject("select email from account where id = ?", String.class, id);
    }
}
