package org.rectify.platform;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.filter.RequestContextFilter;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's {@link RequestContextFilter} is switched off ({@code WebConfiguration}): what reads a request's holders runs
 * inside the dispatcher, which sets them itself. Over HTTP, since MockMvc sets the holders for every request it makes
 * and would hide a holder missing in the real server.
 */
@IntegrationTest
class RequestHoldersTests {

    @Autowired
    ServletContext servlets;
    @LocalServerPort
    int port;

    @Test
    void the_server_runs_no_request_context_filter() throws Exception {
        for (var registration : servlets.getFilterRegistrations().values()) {
            assertThat(RequestContextFilter.class.isAssignableFrom(Class.forName(registration.getClassName())))
                    .as(registration.getName()).isFalse();
        }
    }

    @Test
    void pages_over_http_speak_the_chosen_language_name_unit_aliases_and_link_their_pages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Cookie", cookie(form)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=office&password=" + DemoLogins.PASSWORD
                                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        String session = cookie(signedIn);
        HttpResponse<String> ledger = http.send(HttpRequest.newBuilder(URI.create(base + "/tasks?lang=en&size=5"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> desk = http.send(HttpRequest.newBuilder(URI.create(base + "/supervision?lang=en&size=1"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("Rectification ledger") // the locale the dispatcher resolved
                .contains("data-aliases=\"临沧市委|市委\""); // UnitAliases: a request-scoped bean
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()) // PageLinks: the request's attributes
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .contains("action=\"/supervision\"");
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
