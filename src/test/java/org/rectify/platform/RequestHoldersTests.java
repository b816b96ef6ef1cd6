package org.rectify.platform;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.rectify.HttpSignIn;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.filter.RequestContextFilter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
        String session = HttpSignIn.session(http, base, "office");
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
}
