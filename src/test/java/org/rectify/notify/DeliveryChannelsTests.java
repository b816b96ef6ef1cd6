package org.rectify.notify;

import org.rectify.SlowTest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.rectify.access.DataScope;
import org.rectify.supervision.Reminders;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectify.ClientRequest;
import org.rectify.Demo;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.JobRun;
import org.rectify.TestTasks;
import org.rectify.RectifyApplication;
import org.rectify.notify.internal.Audience;
import org.rectify.notify.internal.Dispatcher;
import org.rectify.notify.internal.Outbound;
import org.rectify.notify.internal.Outgoing;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.NoticeIssued;
import org.rectify.supervision.ReminderDue;
import org.rectify.units.People;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Email (to GreenMail on the loopback port of application-test.properties) and webhooks (to a JDK HTTP
 * server on loopback): every notification reaches every channel once, a failing channel is retried with
 * backoff without holding up the others, and two app nodes on one database send each message once.
 * Loopback is on the webhook allow-list for the duration of this class only (see WebhookTargetTests).
 * The shared context's background sender runs too: a test sends all that is due itself, then waits until its own rows
 * are sent (a row the background sender holds is sent by it); a row is recorded SENT only once the mail server or the
 * webhook has taken the message in, so what was received is then there to read.
 */
@IntegrationTest
@EnableScenarios
class DeliveryChannelsTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    /** What the loopback server received: path, query string and body. */
    record Post(String path, String query, String body) {
    }

    static final Queue<Post> POSTS = new ConcurrentLinkedQueue<>();
    static HttpServer server;

    @Autowired
    MockMvc mvc;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Outbound outbound;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    People people;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedDatabaseServer database;
    @Autowired
    Reminders reminders;
    @Autowired
    EventPublicationRegistry publications;

    @BeforeAll
    static void startReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            POSTS.add(new Post(path, exchange.getRequestURI().getRawQuery(), body));
            int status = path.startsWith("/broken") ? 500 : 200;
            String answer = path.startsWith("/refusing") ? "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"
                    : path.startsWith("/robot") ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The receivers are on loopback, which webhooks may reach only when an administrator allows it. */
    @BeforeAll
    static void allowLoopback(@Autowired JdbcTemplate jdbc) {
        jdbc.update("insert into webhook_allowed_target (entry, note, created_by) values ('127.0.0.1', ?, 'test')"
                + " on conflict do nothing", DeliveryChannelsTests.class.getSimpleName());
    }

    @AfterAll
    static void stopReceivers(@Autowired JdbcTemplate jdbc) {
        jdbc.update("delete from webhook_allowed_target where note = ?", DeliveryChannelsTests.class.getSimpleName());
        // the webhooks pointed at this server: later test classes must not queue for them
        jdbc.update("update webhook set enabled = false where url like ?", base() + "%");
        server.stop(0);
    }

    @Test
    void a_supervision_notice_reaches_the_inbox_the_mailboxes_and_each_webhook_format(Scenario scenario) throws Exception {
        String tag = "n" + SEQ.incrementAndGet();
        long generic = webhook("通用" + tag, "GENERIC", "/generic/" + tag, null, null);
        long ding = webhook("钉钉" + tag, "DINGTALK", "/robot/ding/" + tag + "?access_token=abc", "SECtest-" + tag, unit("临沧市"));
        long wecom = webhook("企业微信" + tag, "WECOM", "/robot/wecom/" + tag, null, unit("市环境保护局"));
        // a task of its own, led by 市环境保护局, in a plan with a short name: a notice on a demo task would change what
        // other tests read of the demo
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "消息渠道测试方案");
        mvc.perform(post("/plans/{id}/short-name", plan.planId()).param("shortName", "渠道测试").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long task = plan.started("消息渠道测试任务" + tag, unit("市环境保护局"), LocalDate.of(2031, 6, 30));
        String ref = jdbc.queryForObject("select ref from task where id = ?", String.class, task);
        long sentAfter = clock.millis();

        // the notice is heard: the inbox has it and its emails and posts are queued
        scenario.stimulate(ClientRequest.sent(() -> mvc.perform(post("/api/supervision/notices").with(office())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"请报送编制落实情况\", \"replyBy\": \"2030-01-10\"}".formatted(task)))
                        .andExpect(status().isCreated())))
                .andWaitForStateChange(new EventsHandled(publications).of(NoticeIssued.class, e -> e.taskId() == task),
                        Boolean.TRUE::equals)
                .andVerify(heard -> assertThat(inboxKeys("epb-staff")).contains("notice:" + noticeOn(task)));
        long notice = noticeOn(task);
        String number = jdbc.queryForObject("select number from supervision_notice where id = ?", String.class, notice);
        String key = "notice:" + notice;
        scenario.stimulate(JobRun.of(this::sendAllDue))
                .andWaitForStateChange(() -> statuses(key, generic, ding, wecom), DeliveryChannelsTests::allSent)
                .andVerify(statuses -> assertThat(statuses).containsOnly("SENT").hasSize(5)); // epb-head, epb-staff, 3 webhooks
        long sentBefore = clock.millis();

        String text = "督办单" + number + "：任务“渠道测试·" + ref + "”，请于2030-01-10前回复。"; // the plan named by its short name
        String link = "http://localhost:8080/supervision/notices/" + notice;
        MimeMessage mail = mailTo("epb-staff@demo.rectify.invalid", text);
        assertThat(mail.getSubject()).isEqualTo("【整改督办平台】督办单");
        assertThat(GreenMailUtil.getBody(mail)).isNotEmpty();
        assertThat(mail.getContent().toString()).contains(text).contains(link);
        assertThat(mailTo("epb-head@demo.rectify.invalid", text)).isNotNull();

        Post g = received("/generic/" + tag, number); // the webhooks also heard of the task's assignment
        assertThat((String) JsonPath.read(g.body(), "$.kind")).isEqualTo("NOTICE_ISSUED");
        assertThat((String) JsonPath.read(g.body(), "$.title")).isEqualTo("【整改督办平台】督办单");
        assertThat((String) JsonPath.read(g.body(), "$.text")).isEqualTo(text);
        assertThat((String) JsonPath.read(g.body(), "$.link")).isEqualTo(link);
        assertThat((String) JsonPath.read(g.body(), "$.dedupeKey")).isEqualTo(key);

        Post d = received("/robot/ding/" + tag, number);
        assertThat((String) JsonPath.read(d.body(), "$.msgtype")).isEqualTo("markdown");
        assertThat((String) JsonPath.read(d.body(), "$.markdown.title")).isEqualTo("【整改督办平台】督办单");
        assertThat((String) JsonPath.read(d.body(), "$.markdown.text")).contains(text).contains("(" + link + ")");
        Map<String, String> query = query(d.query());
        assertThat(query).containsEntry("access_token", "abc");
        String expected = Base64.getEncoder().encodeToString(hmac("SECtest-" + tag, query.get("timestamp") + "\nSECtest-" + tag));
        assertThat(query.get("sign")).isEqualTo(expected);
        assertThat(Long.parseLong(query.get("timestamp"))).isBetween(sentAfter, sentBefore); // signed when sent

        Post w = received("/robot/wecom/" + tag, number);
        assertThat((String) JsonPath.read(w.body(), "$.msgtype")).isEqualTo("markdown");
        assertThat((String) JsonPath.read(w.body(), "$.markdown.content")).startsWith("#### 【整改督办平台】督办单").contains(text);

        // the office sees how each webhook last went; the secret never comes back
        mvc.perform(get("/api/admin/webhooks").with(office()))
                .andExpect(jsonPath("$[?(@.id == %d)].lastStatus".formatted(ding)).value("SENT"))
                .andExpect(jsonPath("$[?(@.id == %d)].hasSecret".formatted(ding)).value(true))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SECtest"))));
        mvc.perform(get("/admin/webhooks").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("钉钉" + tag)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SECtest"))));
        assertThat(generic + wecom).isPositive();
    }

    @Test
    void a_failing_webhook_is_retried_with_backoff_until_it_fails_while_the_email_is_sent(Scenario scenario) throws Exception {
        String tag = "r" + SEQ.incrementAndGet();
        long broken = webhook("故障" + tag, "GENERIC", "/broken/" + tag, null, unit("耿马自治县"));
        long refusing = webhook("拒收" + tag, "WECOM", "/refusing/" + tag, null, unit("耿马自治县"));
        String key = "retry:" + tag;
        dispatcher.dispatch(Audience.accounts(List.of(account("epb-head"))).concerning(List.of(unit("耿马自治县"))),
                Outgoing.of("NOTICE_ANSWERED", key, "/supervision", "notify.noticeAnswered", "重试" + tag, "市环境保护局"));

        scenario.stimulate(JobRun.of(this::sendAllDue))
                .andWaitForStateChange(() -> List.of(row(key, "EMAIL").get("status"), row(key, "WEBHOOK", broken).get("attempts"),
                        row(key, "WEBHOOK", refusing).get("attempts")), tried -> tried.equals(List.of("SENT", 1, 1)))
                .andVerify(tried -> assertThat(tried).containsExactly("SENT", 1, 1));
        assertThat(mailTo("epb-head@demo.rectify.invalid", "督办单重试" + tag + "：市环境保护局已回复。")).isNotNull();
        assertThat(row(key, "WEBHOOK", broken).get("last_error")).asString().startsWith("HTTP 500");
        assertThat(row(key, "WEBHOOK", refusing).get("last_error")).asString()
                .isEqualTo("errcode 310000"); // the code, never the answer's words

        Instant firstDue = nextAttempt(key, broken);
        assertThat(firstDue).isBetween(instant(row(key, "WEBHOOK", broken).get("created_at"))
                .plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(1)));
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 2; attempt <= 6; attempt++) {
            Instant sendAt = nextAttempt(key, broken).plusSeconds(1);
            // due later than the background sender's now: only this test's sending takes it, no waiting
            while ((Integer) row(key, "WEBHOOK", broken).get("attempts") < attempt) {
                assertThat(outbound.sendDue(sendAt)).as("attempt %d is due at %s", attempt, sendAt).isPositive();
            }
            if ("PENDING".equals(row(key, "WEBHOOK", broken).get("status"))) {
                waits.add(Duration.between(sendAt, nextAttempt(key, broken)));
            }
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(12));
        Map<String, Object> last = row(key, "WEBHOOK", broken);
        assertThat(last.get("status")).isEqualTo("FAILED");
        assertThat(last.get("attempts")).isEqualTo(6);
        assertThat(last.get("last_error")).asString().startsWith("HTTP 500");
        assertThat(POSTS.stream().filter(p -> p.path().equals("/broken/" + tag))).hasSize(6);
    }

    @Test
    void a_webhook_hears_only_of_units_in_its_scope() throws Exception {
        String tag = "s" + SEQ.incrementAndGet();
        long county = webhook("临翔区" + tag, "GENERIC", "/scope/county/" + tag, null, unit("临翔区"));
        long bureau = webhook("环保局" + tag, "GENERIC", "/scope/bureau/" + tag, null, unit("市环境保护局"));
        long city = webhook("全市" + tag, "GENERIC", "/scope/city/" + tag, null, unit("临沧市"));
        String key = "scope:" + tag;
        dispatcher.dispatch(Audience.accounts(List.of()).concerning(List.of(unit("临翔区政府"))),
                Outgoing.of("NOTICE_ANSWERED", key, "/supervision", "notify.noticeAnswered", tag, "市环境保护局"));
        assertThat(jdbc.queryForList("select webhook_id from outbound_message where dedupe_key = ?", Long.class, key))
                .containsExactlyInAnyOrder(county, city).doesNotContain(bureau);
    }

    @Test
    void dispatching_the_same_key_twice_sends_once(Scenario scenario) throws Exception {
        String tag = "d" + SEQ.incrementAndGet();
        long hook = webhook("去重" + tag, "GENERIC", "/once/" + tag, null, unit("双江自治县"));
        String key = "once:" + tag;
        Audience audience = Audience.accounts(List.of(account("linxiang-staff"))).concerning(List.of(unit("双江自治县")));
        Outgoing message = Outgoing.of("NOTICE_ANSWERED", key, "/supervision", "notify.noticeAnswered", "去重" + tag, "市环境保护局");
        dispatcher.dispatch(audience, message);
        dispatcher.dispatch(audience, message);
        scenario.stimulate(JobRun.of(this::sendAllDue))
                .andWaitForStateChange(() -> statuses(key, hook), DeliveryChannelsTests::allSent)
                .andVerify(statuses -> assertThat(statuses).containsExactly("SENT", "SENT"));
        dispatcher.dispatch(audience, message); // after sending too
        sendAllDue();
        assertThat(inboxKeys("linxiang-staff").stream().filter(key::equals)).hasSize(1);
        assertThat(mails("督办单去重" + tag + "：市环境保护局已回复。")).hasSize(1);
        assertThat(POSTS.stream().filter(p -> p.path().equals("/once/" + tag))).hasSize(1);
        assertThat(hook).isPositive();
    }

    @Test
    void nothing_is_sent_about_a_closed_task() {
        long closed = Demo.taskId(ledger, plans, "四(二)1"); // closed by the demo story
        String key = "closed:" + SEQ.incrementAndGet();
        dispatcher.dispatch(Audience.accounts(List.of(account("epb-staff"))).concerning(List.of(unit("市环境保护局"))),
                Outgoing.about(closed, "WARNING_RED", key, "/tasks/" + closed, "notify.warningRed", "四(二)1", "x"));
        assertThat(inboxKeys("epb-staff")).doesNotContain(key);
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where dedupe_key = ?", Integer.class, key)).isZero();
    }

    @Test
    void webhook_addresses_are_http_or_https_and_the_page_is_for_the_office_only() throws Exception {
        mvc.perform(post("/api/admin/webhooks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"坏地址\", \"format\": \"GENERIC\", \"url\": \"file:///etc/passwd\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/admin/webhooks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"format\": \"GENERIC\", \"url\": \"ftp://example.gov.cn/\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/admin/webhooks").with(as("epb-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/webhooks").with(as("leader"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/webhooks").with(as("admin"))).andExpect(status().isOk());
    }

    @Test
    void the_office_adds_and_edits_a_webhook_on_its_page_and_its_secret_is_never_shown() throws Exception {
        String tag = "f" + SEQ.incrementAndGet();
        mvc.perform(post("/admin/webhooks").with(office()).with(csrf()).param("name", "表单" + tag).param("format", "WECOM")
                        .param("url", "javascript:alert(1)").param("unitId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写以 http:// 或 https:// 开头的有效地址。")));
        mvc.perform(post("/admin/webhooks").with(office()).with(csrf()).param("name", "表单" + tag).param("format", "DINGTALK")
                        .param("url", base() + "/robot/form/" + tag).param("secret", "SECform-" + tag).param("unitId", "")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from webhook where name = ?", Long.class, "表单" + tag);
        mvc.perform(get("/admin/webhooks/{id}", id).with(office()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已设置密钥（不显示）")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SECform"))));
        mvc.perform(post("/admin/webhooks/{id}", id).with(office()).with(csrf()).param("name", "表单" + tag)
                        .param("format", "DINGTALK").param("url", base() + "/robot/form/" + tag).param("secret", "")
                        .param("unitId", String.valueOf(unit("临翔区"))).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select secret, unit_id from webhook where id = ?", id))
                .containsEntry("secret", "SECform-" + tag).containsEntry("unit_id", unit("临翔区"));
        mvc.perform(post("/admin/webhooks/{id}", id).with(office()).with(csrf()).param("name", "表单" + tag)
                        .param("format", "DINGTALK").param("url", base() + "/robot/form/" + tag).param("removeSecret", "true")
                        .param("unitId", "").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select secret from webhook where id = ?", String.class, id)).isNull();
        mvc.perform(post("/admin/webhooks/{id}/enabled", id).with(office()).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select enabled from webhook where id = ?", Boolean.class, id)).isFalse();
    }

    @Test
    void the_test_button_posts_at_once_and_shows_how_it_went() throws Exception {
        String tag = "t" + SEQ.incrementAndGet();
        long hook = webhook("测试" + tag, "DINGTALK", "/refusing/" + tag, null, unit("凤庆县"));
        mvc.perform(post("/api/admin/webhooks/{id}/test", hook).with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastStatus").value("FAILED")) // a test is tried once, not retried
                .andExpect(jsonPath("$.lastError").value("errcode 310000"));
        mvc.perform(put("/api/admin/webhooks/{id}", hook).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"测试%s\", \"format\": \"DINGTALK\", \"url\": \"%s/robot/test/%s\", \"unitId\": %d}"
                                .formatted(tag, base(), tag, unit("凤庆县"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/admin/webhooks/{id}/test", hook).with(office()))
                .andExpect(jsonPath("$.lastStatus").value("SENT"));
        assertThat((String) JsonPath.read(received("/robot/test/" + tag, "测试消息").body(), "$.markdown.text")).contains("测试消息");
    }

    @Test
    void accounts_and_persons_get_an_email_address_that_must_be_one() throws Exception {
        long id = account("linxiang-office");
        mvc.perform(put("/api/admin/accounts/{id}/email", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"a@b <c@d.invalid>\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(put("/api/admin/accounts/{id}/email", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"Office@LX.Demo.Rectify.INVALID\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value("Office@lx.demo.rectify.invalid"));
        mvc.perform(get("/admin/accounts").with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Office@lx.demo.rectify.invalid")));
        long person = people.record("邮箱测试人" + SEQ.incrementAndGet(), "科长", unit("临翔区"), null).id();
        mvc.perform(put("/api/admin/people/{id}/email", person).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"kz@demo.rectify.invalid\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value("kz@demo.rectify.invalid"));
        mvc.perform(put("/api/admin/people/{id}/email", person).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"x@demo.rectify.invalid\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/admin/accounts/{id}/email", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"linxiang-office@demo.rectify.invalid\"}")).andExpect(status().isOk());
    }

    @SlowTest
    @Test
    void two_app_nodes_on_one_database_remind_once_and_send_each_message_exactly_once(Scenario scenario) throws Exception {
        String tag = "two" + SEQ.incrementAndGet();
        long scope = unit("永德县");
        List<Long> persons = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long p = people.record("两节点" + tag + "-" + i, null, scope, null).id();
            people.setEmail(p, "p" + i + "." + tag + "@demo.rectify.invalid");
            persons.add(p);
        }
        long a = webhook("两节点A" + tag, "GENERIC", "/two/a/" + tag, null, scope);
        long b = webhook("两节点B" + tag, "WECOM", "/robot/two/b/" + tag, null, scope);
        Audience audience = new Audience(java.util.Set.of(), new java.util.HashSet<>(persons), java.util.Set.of(scope));
        for (int m = 0; m < 10; m++) {
            dispatcher.dispatch(audience, Outgoing.of("NOTICE_ANSWERED", tag + ":" + m, "/supervision",
                    "notify.noticeAnswered", tag + "-" + m, "市环境保护局"));
        }
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where dedupe_key like ? and (channel = 'EMAIL' "
                + "or webhook_id in (?, ?))", Integer.class, tag + ":%", a, b)).isEqualTo(140);

        // a task due on 2051-03-31, led by 临翔区政府 (its staff: linxiang-staff), with a responsible person who has email
        LocalDate deadline = LocalDate.of(2051, 3, 31);
        long task = reminderTask(tag, deadline);
        people.setEmail(ledger.get(task, DataScope.ALL).responsiblePersonId(), "resp." + tag + "@demo.rectify.invalid");

        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        ConfigurableApplicationContext second = new SpringApplicationBuilder(RectifyApplication.class)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                        "spring.datasource.password=" + database.password(user),
                        "rectify.demo.enabled=false", "server.port=0",
                        "rectify.data-dir=" + Files.createTempDirectory("rectify-node2"),
                        "spring.mail.host=127.0.0.1", "spring.mail.port=39025", "rectify.outbound.batch-size=7",
                        "rectify.events.republish-after-start=false",
                        "logging.level.root=WARN")
                .run();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // both nodes sweep the same morning at once: the stage is recorded once and announced once
            Reminders reminders2 = second.getBean(Reminders.class);
            LocalDate morning = deadline.minusDays(3);
            scenario.stimulate(JobRun.of(() -> {
                        List<Future<Integer>> sweeps = List.of(pool.submit(() -> reminders.sweep(morning)),
                                pool.submit(() -> reminders2.sweep(morning)));
                        return sweeps.get(0).get() + sweeps.get(1).get();
                    }))
                    // the reminder is announced (queued) once it has been heard, on whichever node
                    .andWaitForStateChange(new EventsHandled(publications).of(ReminderDue.class, e -> e.taskId() == task),
                            Boolean.TRUE::equals)
                    .andVerify((heard, reached) -> assertThat(reached).isEqualTo(1));
            String reminderKey = "reminder:" + jdbc.queryForObject("select id from reminder where task_id = ?", Long.class, task);
            assertThat(jdbc.queryForObject("select count(*) from outbound_message where dedupe_key = ? and channel = 'EMAIL'",
                    Integer.class, reminderKey)).isEqualTo(2);
            assertThat(jdbc.queryForList("select a.username from inbox_message m join account a on a.id = m.account_id "
                    + "where m.dedupe_key = ?", String.class, reminderKey)).containsExactly("linxiang-staff");
            Outbound node2 = second.getBean(Outbound.class);
            // both nodes send all that is due at once; rows the background sender holds are sent by it
            scenario.stimulate(JobRun.of(() -> {
                        List<Future<Integer>> runs = new ArrayList<>();
                        for (Outbound node : List.of(outbound, node2)) {
                            runs.add(pool.submit(() -> sendAllDue(node)));
                        }
                        int claimed = 0;
                        for (Future<Integer> run : runs) {
                            claimed += run.get();
                        }
                        return claimed;
                    }))
                    .andWaitForStateChange(() -> jdbc.queryForList("select status from outbound_message where (dedupe_key like ?"
                            + " and (channel = 'EMAIL' or webhook_id in (?, ?))) or (dedupe_key = ? and channel = 'EMAIL')",
                            String.class, tag + ":%", a, b, reminderKey), DeliveryChannelsTests::allSent)
                    .andVerify(statuses -> assertThat(statuses).hasSize(142).containsOnly("SENT"));
        } finally {
            pool.shutdownNow();
            second.close();
        }
        String reminderText = "的时限2051-03-31还有3天到期";
        assertThat(mails(reminderText).stream().map(DeliveryChannelsTests::recipient)
                .filter(to -> to.equals("linxiang-staff@demo.rectify.invalid") || to.equals("resp." + tag + "@demo.rectify.invalid")))
                .containsExactlyInAnyOrder("linxiang-staff@demo.rectify.invalid", "resp." + tag + "@demo.rectify.invalid");
        for (int m = 0; m < 10; m++) {
            String text = "督办单" + tag + "-" + m + "：市环境保护局已回复。";
            Map<String, Long> byRecipient = mails(text).stream().collect(Collectors.groupingBy(DeliveryChannelsTests::recipient,
                    Collectors.counting()));
            assertThat(byRecipient).hasSize(12).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1L));
        }
        Map<String, Long> posts = POSTS.stream().filter(p -> p.path().endsWith("/" + tag))
                .collect(Collectors.groupingBy(p -> p.path() + " " + p.body(), Collectors.counting()));
        assertThat(posts).hasSize(20).allSatisfy((post, n) -> assertThat(n).as(post).isEqualTo(1L));
    }

    // --- helpers

    /** An assigned, started task of a plan of its own, led by 临翔区政府, with a responsible person there. */
    private long reminderTask(String tag, LocalDate deadline) throws Exception {
        long plan = plans.createPlan(null, "两节点提醒方案" + tag, "测试", null, unit("临沧市"));
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "N1", "title": "两节点提醒%s", "text": "两节点提醒任务",
                         "leadUnits": {"unitIds": [%d]},
                         "responsible": {"name": "责任人%s", "post": "科长", "unitId": %d},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan, tag, unit("临翔区政府"), tag, unit("临翔区政府"), deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long task = ((Number) JsonPath.read(body, "$.id")).longValue();
        for (String command : List.of("ASSIGN", "START")) {
            mvc.perform(post("/api/tasks/{id}/transitions", task).with(office()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"" + command + "\"}")).andExpect(status().isOk());
        }
        return task;
    }

    private long webhook(String name, String format, String path, String secret, Long unitId) throws Exception {
        String body = mvc.perform(post("/api/admin/webhooks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\", \"format\": \"%s\", \"url\": \"%s\", \"secret\": %s, \"unitId\": %s}"
                                .formatted(name, format, base() + path, secret == null ? "null" : "\"" + secret + "\"", unitId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private long account(String username) {
        return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
    }

    private List<String> inboxKeys(String username) {
        return jdbc.queryForList("select dedupe_key from inbox_message where account_id = ?", String.class, account(username));
    }

    /** The statuses of a message's emails and of its posts to these webhooks (other tests' webhooks may cover it too). */
    private List<String> statuses(String key, Long... webhooks) {
        return jdbc.queryForList("select status from outbound_message where dedupe_key = ? and (channel = 'EMAIL' or "
                + "webhook_id = any (?)) order by id", String.class, key, webhooks);
    }

    private Map<String, Object> row(String key, String channel) {
        return jdbc.queryForMap("select * from outbound_message where dedupe_key = ? and channel = ?", key, channel);
    }

    private Map<String, Object> row(String key, String channel, long webhook) {
        return jdbc.queryForMap("select * from outbound_message where dedupe_key = ? and channel = ? and webhook_id = ?",
                key, channel, webhook);
    }

    private Instant nextAttempt(String key, long webhook) {
        return instant(row(key, "WEBHOOK", webhook).get("next_attempt_at"));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    /** The post to the path saying this (the receiver keeps a post before it answers, so a SENT row's is there). */
    private Post received(String path, String saying) {
        return POSTS.stream().filter(p -> p.path().equals(path) && p.body().contains(saying)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing posted to " + path + " saying " + saying));
    }

    /** The mail to the address (GreenMail delivers before it answers 250, so a SENT row's mail is there). */
    private MimeMessage mailTo(String address, String text) {
        return mails(text).stream().filter(m -> recipient(m).equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address + " saying " + text));
    }

    /** Sends with this node until nothing more is due now; returns how many rows it claimed. */
    private int sendAllDue(Outbound node) {
        int claimed = 0;
        for (int n; (n = node.sendDue(clock.instant())) > 0; ) {
            claimed += n;
        }
        return claimed;
    }

    private int sendAllDue() {
        return sendAllDue(outbound);
    }

    private long noticeOn(long task) {
        return jdbc.queryForObject("select id from supervision_notice where task_id = ?", Long.class, task);
    }

    private static boolean allSent(List<?> statuses) {
        return !statuses.isEmpty() && statuses.stream().allMatch("SENT"::equals);
    }

    private static List<MimeMessage> mails(String text) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            try {
                if (m.getContent().toString().contains(text)) {
                    out.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
