package org.rectify.todo;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The number beside 待办 in the header of every page: it follows the data (a task turning red, a red task put on the
 * ledger), on any page, in the office's own scope, and it is the to-do page's own total.
 */
@IntegrationTest
class HeaderCountTests {

    private static final Pattern COUNT = Pattern.compile("id=\"todo-count\"[^>]*>(\\d+)<");
    private static final Pattern TOTAL = Pattern.compile("id=\"todo-total\"[^>]*>(\\d+)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Plans plans;
    @Autowired
    Warnings warnings;
    @Autowired
    Clock clock;

    @Test
    void the_header_count_follows_a_red_task_onto_the_ledger_in_the_city_office_scope_only() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int city = header(office(), "/account/password");
        int county = header(linxiangOffice(), "/account/password");

        TestTasks own = TestTasks.inPlan(mvc, plans, units, "页头待办计数测试方案 " + System.nanoTime());
        long red = own.started("页头计数逾期任务", units.resolve("市林业局").orElseThrow().id(), today.minusDays(3));
        warnings.recompute(red, today);
        assertThat(header(office(), "/account/password")).as("a red task not on the ledger waits on the city office")
                .isEqualTo(city + 1);
        assertThat(header(office(), "/inbox")).as("on every page").isEqualTo(city + 1);
        assertThat(header(linxiangOffice(), "/account/password")).as("not the county office's plan").isEqualTo(county);

        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"逾期未整改\"}".formatted(red))).andExpect(status().isCreated());
        assertThat(header(office(), "/account/password")).as("on the ledger: nothing more to do").isEqualTo(city);
    }

    @Test
    void the_header_count_is_the_to_do_page_total_for_every_office_role() throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[]{office(), linxiangOffice(), org.rectify.DemoLogins.as("supervisor")}) {
            String todo = page(who, "/todo");
            Matcher total = TOTAL.matcher(todo);
            assertThat(total.find()).isTrue();
            int expected = Integer.parseInt(total.group(1));
            assertThat(header(who, "/account/password")).isEqualTo(expected);
            if (expected > 0) {
                assertThat(count(todo)).as("the to-do page's own header").isEqualTo(expected);
            }
        }
    }

    private int header(RequestPostProcessor who, String path) throws Exception {
        return count(page(who, path));
    }

    /** The header's number; 0 when the header shows none (nothing waits). */
    private static int count(String html) {
        Matcher m = COUNT.matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String page(RequestPostProcessor who, String path) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
