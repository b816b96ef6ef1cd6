package org.rectify.intake;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.RectifyApplication;
import org.rectify.SlowTest;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The time zone is a setting: a second node on the same database started with {@code rectify.time-zone=Europe/Berlin}
 * shows the time a draft was last changed on Berlin's clocks, where the default node shows China Standard Time.
 */
@IntegrationTest
@SlowTest
class DraftTimesInAnotherZoneTests {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedDatabaseServer database;

    @Test
    void a_node_set_to_another_zone_shows_the_draft_list_on_that_zones_clock() throws Exception {
        String title = "时区设置测试方案";
        long id = IntakeSupport.paste(mvc, IntakeSupport.smallPlan(title, "市环境保护局"), title);
        Instant updated = jdbc.queryForObject("select updated_at from plan_draft where id = ?", Timestamp.class, id).toInstant();
        String shanghai = updated.atZone(ZoneId.of("Asia/Shanghai")).format(MINUTE);
        String berlin = updated.atZone(ZoneId.of("Europe/Berlin")).format(MINUTE);

        String here = mvc.perform(get("/intake").with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(timeOfRow(here, id)).isEqualTo(shanghai);

        try (ConfigurableApplicationContext berlinNode = startNode("Europe/Berlin")) {
            String port = berlinNode.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/intake"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("office:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(timeOfRow(page.body(), id)).isEqualTo(berlin).isNotEqualTo(shanghai);
        }
    }

    /** The "updated" cell of the draft's row in the list of drafts. */
    private static String timeOfRow(String html, long id) {
        Matcher row = Pattern.compile("href=\"/intake/drafts/" + id + "\"[\\s\\S]*?"
                + "<td class=\"text-nowrap\">([^<]*)</td>").matcher(html);
        assertThat(row.find()).as("the draft's row").isTrue();
        return row.group(1).strip();
    }

    private ConfigurableApplicationContext startNode(String zone) throws Exception {
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        return new SpringApplicationBuilder(RectifyApplication.class)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                        "spring.datasource.password=" + database.password(user),
                        "rectify.time-zone=" + zone,
                        "rectify.demo.enabled=false", "server.port=0", "db-scheduler.enabled=false",
                        "rectify.data-dir=" + Files.createTempDirectory("rectify-zone"),
                        "rectify.events.republish-after-start=false",
                        "logging.level.root=WARN")
                .run();
    }
}
