package org.rectify.notify;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SSRF through webhooks: without the administrator's allow-list, loopback, link-local (the cloud metadata
 * service), private ranges, IPv6 loopback and a name resolving to loopback are refused when a webhook is saved
 * and again when a message is sent; the allow-list admits an internal receiver; redirects are not followed and
 * no answer's body is ever shown. Every change is published for the audit chain.
 */
@IntegrationTest
@RecordApplicationEvents
class WebhookTargetTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Queue<String> HITS = new ConcurrentLinkedQueue<>();
    private static HttpServer server;

    /** Loopback, link-local, private ranges, IPv6 loopback, and a name that resolves to 127.0.0.1. */
    private static final List<String> INTERNAL = List.of("http://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.8/hook", "http://192.168.1.20/hook", "http://172.16.5.5/hook", "http://[::1]/hook",
            "http://localhost/hook");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    @BeforeAll
    static void startInternalService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            HITS.add(path);
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/moved");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] secret = "{\"errcode\":1,\"errmsg\":\"db-password=hunter2\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(path.startsWith("/ok") ? 200 : 500, secret.length);
                exchange.getResponseBody().write(secret);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop(@Autowired JdbcTemplate jdbc) {
        jdbc.update("update webhook set enabled = false where name like 'SSRF%'");
        jdbc.update("delete from webhook_allowed_target where note = 'SSRF test'");
        server.stop(0);
    }

    @Test
    void internal_targets_are_refused_when_a_webhook_is_saved() throws Exception {
        for (String url : INTERNAL) {
            String name = "SSRF-save-" + SEQ.incrementAndGet();
            create(name, url)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.fieldErrors.url").value(
                            "推送地址指向本机、内网或保留地址，不能使用；确属内网接收端的，须由系统管理员加入“内网推送地址”。"));
            assertThat(jdbc.queryForObject("select count(*) from webhook where name = ?", Integer.class, name))
                    .as(url).isZero();
        }
        create("SSRF-port", "https://oapi.dingtalk.com:8443/robot/send").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.url").value(containsString("80 或 443")));
        mvc.perform(post("/api/admin/webhooks").with(office()).param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(json("SSRF-en", "http://169.254.169.254/")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.url").value(containsString("internal network or a reserved address")));
        mvc.perform(post("/admin/webhooks").with(office()).with(csrf()).param("name", "SSRF-page").param("format", "GENERIC")
                        .param("url", "http://169.254.169.254/latest/meta-data/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("推送地址指向本机、内网或保留地址")));
        // editing a public webhook to point inside is refused too
        long id = saved("SSRF-edit-" + SEQ.incrementAndGet(), "https://oapi.dingtalk.com/robot/send?access_token=x");
        mvc.perform(put("/api/admin/webhooks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("SSRF-edited", "http://10.0.0.8:8080/")))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select url from webhook where id = ?", String.class, id)).contains("dingtalk");
    }

    @Test
    void internal_targets_are_refused_again_when_a_message_is_sent() throws Exception {
        // as if saved before the rule, or while an address was allowed that no longer is; on port 80, so that
        // only the address check can refuse them (a connection attempt would fail with another error)
        for (String url : INTERNAL) {
            long id = inserted("SSRF-send-" + SEQ.incrementAndGet(), url);
            mvc.perform(post("/api/admin/webhooks/{id}/test", id).with(office()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.lastStatus").value("FAILED"))
                    .andExpect(jsonPath("$.lastError").value("address not allowed (loopback, link-local, private or reserved)"));
        }
        // the page's test button says so in a sentence
        long metadata = inserted("SSRF-send-" + SEQ.incrementAndGet(), "http://169.254.169.254/latest/meta-data/");
        mvc.perform(post("/admin/webhooks/{id}/test", metadata).with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("推送地址指向本机、内网或保留地址")));
        // and the list says it in the reader's language, not in the log's words
        mvc.perform(get("/admin/webhooks").with(office()))
                .andExpect(content().string(containsString("推送地址指向本机、内网或保留地址")))
                .andExpect(content().string(not(containsString("address not allowed"))));
        // and on the port of an internal service that would answer: nothing reaches it
        String path = "/ok/" + SEQ.incrementAndGet();
        long id = inserted("SSRF-send-" + SEQ.get(), "http://localhost:" + port() + path);
        mvc.perform(post("/api/admin/webhooks/{id}/test", id).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("FAILED"));
        assertThat(HITS).doesNotContain(path);
    }

    @Test
    void the_allow_list_admits_an_internal_receiver_and_no_answer_body_is_ever_shown() throws Exception {
        String tag = "/ok/" + SEQ.incrementAndGet();
        mvc.perform(post("/api/admin/webhook-targets").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"entry\": \"127.0.0.1\"}")).andExpect(status().isForbidden()); // the office may not
        allow("127.0.0.1");
        long id = saved("SSRF-allowed-" + SEQ.incrementAndGet(), "http://127.0.0.1:" + port() + tag);
        mvc.perform(post("/api/admin/webhooks/{id}/test", id).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("SENT"));
        assertThat(HITS).contains(tag);

        // an answer is judged by its status and error code; its words stay where they came from
        long failing = saved("SSRF-500-" + SEQ.incrementAndGet(), "http://127.0.0.1:" + port() + "/fail");
        mvc.perform(post("/api/admin/webhooks/{id}/test", failing).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("FAILED"))
                .andExpect(jsonPath("$.lastError").value("HTTP 500"));
        mvc.perform(post("/admin/webhooks/{id}/test", failing).with(office()).with(csrf()));
        mvc.perform(get("/admin/webhooks").with(office()))
                .andExpect(content().string(not(containsString("hunter2"))));
        mvc.perform(get("/api/admin/webhooks").with(office()))
                .andExpect(content().string(not(containsString("hunter2"))));

        // a redirect is not followed, not even to an allowed address
        long redirecting = saved("SSRF-302-" + SEQ.incrementAndGet(), "http://127.0.0.1:" + port() + "/redirect");
        mvc.perform(post("/api/admin/webhooks/{id}/test", redirecting).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("FAILED"))
                .andExpect(jsonPath("$.lastError").value("HTTP 302"));
        assertThat(HITS).doesNotContain("/moved");

        // removed from the list: refused at the next send
        mvc.perform(delete("/api/admin/webhook-targets").param("entry", "127.0.0.1").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/admin/webhooks/{id}/test", id).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("FAILED"))
                .andExpect(jsonPath("$.lastError").value(containsString("not allowed")));
    }

    @Test
    void allow_list_entries_must_be_hosts_addresses_or_ranges_and_the_page_lists_them() throws Exception {
        mvc.perform(post("/api/admin/webhook-targets").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entry\": \"10.0.0.0/33\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.entry").value("请填写主机名、IP 地址或网段（如 10.20.0.0/16）。"));
        mvc.perform(post("/admin/webhook-targets").with(admin()).with(csrf()).param("entry", "10.20.0.0/16")
                .param("note", "SSRF test")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/webhook-targets").with(admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("10.20.0.0/16")));
        mvc.perform(get("/admin/webhook-targets").with(office())).andExpect(status().isForbidden());
    }

    @Test
    void the_office_deletes_a_webhook_from_its_page_after_confirming() throws Exception {
        String name = "SSRF-page-delete-" + SEQ.incrementAndGet();
        long id = saved(name, "https://oapi.dingtalk.com/robot/send?access_token=p");
        mvc.perform(get("/admin/webhooks").with(office()))
                .andExpect(content().string(containsString("/admin/webhooks/" + id + "/delete")))
                .andExpect(content().string(containsString("删除推送地址“" + name + "”？")));

        mvc.perform(post("/admin/webhooks/{id}/delete", id).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "推送地址“" + name + "”已删除。"));
        assertThat(jdbc.queryForObject("select count(*) from webhook where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void webhook_changes_and_test_sends_are_published_for_the_audit_chain() throws Exception {
        long id = saved("SSRF-audit-" + SEQ.incrementAndGet(), "https://oapi.dingtalk.com/robot/send?access_token=y");
        mvc.perform(put("/api/admin/webhooks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(json("SSRF-audit-edited", "https://oapi.dingtalk.com/robot/send?access_token=z")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/admin/webhooks/{id}/enabled", id).param("enabled", "false").with(office()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/admin/webhooks/{id}/test", id).with(office())).andExpect(status().isOk());
        mvc.perform(delete("/api/admin/webhooks/{id}", id).with(office())).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select count(*) from webhook where id = ?", Integer.class, id)).isZero();
        assertThat(events.stream(WebhookChanged.class).filter(e -> e.auditObject().equals("webhook:" + id)))
                .extracting(WebhookChanged::auditAction)
                .containsExactly("webhook.created", "webhook.edited", "webhook.disabled", "webhook.test-sent", "webhook.deleted");
        assertThat(events.stream(WebhookChanged.class).filter(e -> e.auditObject().equals("webhook:" + id)))
                .allMatch(e -> e.actor().equals("office"));
    }

    private ResultActions create(String name, String url) throws Exception {
        return mvc.perform(post("/api/admin/webhooks").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(json(name, url)));
    }

    private long saved(String name, String url) throws Exception {
        String body = create(name, url).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long inserted(String name, String url) {
        return jdbc.queryForObject("insert into webhook (name, format, url, unit_id) values (?, 'GENERIC', ?,"
                + " (select id from unit where name = '凤庆县')) returning id", Long.class, name, url);
    }

    private void allow(String entry) throws Exception {
        mvc.perform(post("/api/admin/webhook-targets").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"entry\": \"%s\", \"note\": \"SSRF test\"}".formatted(entry))).andExpect(status().isCreated());
    }

    private static String json(String name, String url) {
        return "{\"name\": \"%s\", \"format\": \"GENERIC\", \"url\": \"%s\"}".formatted(name, url);
    }

    private static int port() {
        return server.getAddress().getPort();
    }
}
