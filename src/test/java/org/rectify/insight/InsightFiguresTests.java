package org.rectify.insight;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskFigure;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.rectify.DemoLogins.as;
import static org.rectify.TestTasks.command;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every figure of the dashboard on a plan of eight tasks built this month, one in each state; and each figure beside
 * the ledger's count for the same filter.
 */
@IntegrationTest
@EnableScenarios
class InsightFiguresTests {

    private static final String PLAN = "驾驶舱测试方案";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;
    @Autowired
    JdbcTemplate jdbc;

    private long planId;
    private long linxiang;

    @BeforeEach
    void aMonthOfWork(Scenario scenario) throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, PLAN);
        planId = tasks.planId();
        linxiang = units.resolve("临翔区").orElseThrow().id();
        if (jdbc.queryForObject("select count(*) from task where plan_id = ?", Integer.class, planId) > 0) {
            return; // built by an earlier test of this class
        }
        scenario.stimulate(ClientRequest.sent(() -> built(tasks)))
                // warnings are assessed on each event, after it commits: every task's events heard, each has its row
                .andWaitForStateChange(() -> new EventsHandled(publications).about(taskIds()).get(), Boolean.TRUE::equals)
                .andVerify(heard -> assertThat(jdbc.queryForObject("select count(*) from task_warning w join task t"
                        + " on t.id = w.task_id where t.plan_id = ? and t.status <> 'DRAFT'", Integer.class, planId)).isEqualTo(7));
        taskIds().forEach(id -> warnings.recompute(id, warnings.today()));
    }

    /** Eight tasks, one in each state. */
    private long built(TestTasks tasks) throws Exception {
        LocalDate today = warnings.today();
        tasks.started("逾期的任务", linxiang, today.minusDays(10));
        tasks.started("节点已过的任务", linxiang, today.minusDays(5), today.plusDays(60));
        tasks.started("按序时推进的任务", linxiang, today.plusDays(100));
        tasks.started("临近时限的任务", linxiang, today.plusDays(5));
        long closed = tasks.started("已销号的任务", linxiang, today.plusDays(100));
        command(mvc, closed, "REQUEST_CLOSURE");
        command(mvc, closed, "CLOSE");
        long relapsed = tasks.started("反弹的任务", linxiang, today.plusDays(100));
        command(mvc, relapsed, "REQUEST_CLOSURE");
        command(mvc, relapsed, "CLOSE");
        command(mvc, relapsed, "REOPEN");
        long ongoing = tasks.started("长期坚持的任务", linxiang, today.plusDays(100));
        command(mvc, ongoing, "MARK_ONGOING");
        return tasks.draft("草稿任务", linxiang, today.plusDays(100));
    }

    @Test
    void the_closure_panel_counts_the_attempts_at_each_stage_as_the_database_holds_them() throws Exception {
        String page = mvc.perform(get("/insight").with(office())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        for (String stage : List.of("UNDER_NOTICE", "CLOSED", "APPLIED")) {
            int count = jdbc.queryForObject("select count(*) from closure c join task t on t.id = c.task_id join plan p "
                    + "on p.id = t.plan_id join unit u on u.id = p.owner_unit_id where c.stage = ? and u.path like "
                    + "(select path from unit where name = '临沧市') || '%'",
                    Integer.class, stage);
            assertThat(count).as(stage).isPositive();
            assertThat(page).containsPattern("data-stage=\"" + stage + "\">\\s*<td>[^<]+</td>\\s*<td class=\"text-end\"><a[^>]*>"
                    + count + "</a>");
        }
    }

    @Test
    void the_headline_counts_each_state_once_as_defined() throws Exception {
        Map<String, Object> headline = JsonPath.read(dashboard(""), "$.headline");
        assertThat(headline.get("total")).isEqualTo(8);
        assertThat(counts(headline)).containsEntry("CLOSED", 1).containsEntry("ONGOING", 1).containsEntry("RELAPSED", 1)
                .containsEntry("ON_SCHEDULE", 2).containsEntry("BEHIND", 2).containsEntry("OVERDUE", 1)
                .containsEntry("RED", 2).containsEntry("YELLOW", 1).containsEntry("BLUE", 1);
        assertThat(((Number) headline.get("closureRate")).doubleValue()).isEqualTo(12.5);
    }

    @Test
    void every_figure_equals_the_ledgers_count_for_the_same_filter_and_figure() throws Exception {
        for (String filter : List.of("", "&leadUnitId=" + linxiang)) {
            Map<String, Object> headline = JsonPath.read(dashboard(filter.replace("leadUnitId", "unitId")), "$.headline");
            assertThat(ledgerTotal(filter, null)).isEqualTo(headline.get("total"));
            for (TaskFigure figure : TaskFigure.values()) {
                assertThat(ledgerTotal(filter, figure)).as(figure.name()).isEqualTo(counts(headline).get(figure.name()));
            }
        }
    }

    @Test
    void the_units_bars_count_what_the_ledger_lists_for_that_unit_and_level() throws Exception {
        String json = dashboard("");
        List<Map<String, Object>> rows = JsonPath.read(json, "$.units[?(@.unitId == " + linxiang + ")]");
        assertThat(rows).hasSize(1);
        Map<String, Object> counts = counts(rows.get(0));
        assertThat(rows.get(0).get("total")).isEqualTo(8);
        assertThat(counts).containsEntry("RED", 2).containsEntry("YELLOW", 1).containsEntry("BLUE", 1).containsEntry("OVERDUE", 1);
        assertThat(ledgerTotal("&leadUnitId=" + linxiang, TaskFigure.RED)).isEqualTo(2);
        // the page links each bar to that ledger
        String page = mvc.perform(get("/insight").param("planId", "" + planId).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/tasks?planId=" + planId + "&amp;leadUnitId=" + linxiang + "&amp;figure=RED");
    }

    @Test
    void the_burn_up_reaches_every_task_due_and_the_one_closed_this_month() throws Exception {
        String json = dashboard("");
        List<Map<String, Object>> points = JsonPath.read(json, "$.burnUp");
        Map<String, Object> last = points.get(points.size() - 1);
        assertThat(last.get("due")).isEqualTo(8);
        assertThat(last.get("closed")).isEqualTo(1); // the relapsed one is no longer closed
        String thisMonth = YearMonth.from(warnings.today()).toString();
        Map<String, Object> now = points.stream().filter(p -> p.get("month").equals(thisMonth)).findFirst().orElseThrow();
        assertThat(now.get("closed")).isEqualTo(1);
        assertThat((Integer) now.get("due")).isGreaterThanOrEqualTo(1); // the overdue one at least
    }

    @Test
    void the_weekly_trend_counts_the_recorded_changes_of_level() throws Exception {
        List<Map<String, Object>> weeks = JsonPath.read(dashboard(""), "$.trend");
        assertThat(weeks).hasSize(12);
        Map<String, Object> thisWeek = weeks.get(weeks.size() - 1);
        assertThat((Integer) thisWeek.get("red")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) thisWeek.get("yellow")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) thisWeek.get("blue")).isGreaterThanOrEqualTo(1);
        assertThat(weeks.subList(0, 11)).allSatisfy(w -> assertThat(w.get("red")).isEqualTo(0));
    }

    @Test
    void a_unit_sees_only_its_own_tasks_and_a_unit_account_is_sent_to_its_unit_page() throws Exception {
        // 临翔区政府's staff take part in none of this plan's tasks (they are led by 临翔区 itself)
        String json = mvc.perform(get("/api/insight").param("planId", "" + planId).with(as("linxiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(json, "$.headline.total")).isZero();
        mvc.perform(get("/insight").with(as("epb-staff"))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/insight/unit").with(as("epb-head"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("市环境保护局整改情况").contains("id=\"todo-reports\"");
    }

    @Test
    void a_unit_filter_outside_the_callers_subtree_counts_only_what_the_callers_ledger_lists_for_it() throws Exception {
        long forestry = units.resolve("市林业局").orElseThrow().id();
        List<Long> forestrySubtree = units.subtree(forestry).stream().map(org.rectify.units.Unit::id).toList();
        String json = mvc.perform(get("/api/insight").param("unitId", "" + forestry).with(as("linxiang-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String ledger = mvc.perform(get("/api/tasks").param("leadUnitId", "" + forestry).with(as("linxiang-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String everything = mvc.perform(get("/api/tasks").param("leadUnitId", "" + forestry).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int total = JsonPath.read(json, "$.headline.total");
        assertThat(total).isEqualTo((Integer) JsonPath.read(ledger, "$.total"))
                .isLessThan((Integer) JsonPath.read(everything, "$.total"));
        List<Integer> unitTotals = JsonPath.read(json, "$.units[*].total");
        assertThat(unitTotals).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(total));
        // the ranking keeps to the unit filtered on, as every other figure
        List<Number> ranked = JsonPath.read(json, "$.reporting[*].unitId");
        assertThat(ranked).allSatisfy(id -> assertThat(forestrySubtree).contains(id.longValue()));
        String unfiltered = mvc.perform(get("/api/insight").with(as("linxiang-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> all = JsonPath.read(unfiltered, "$.reporting[*].unitId");
        assertThat(all).anySatisfy(id -> assertThat(forestrySubtree).doesNotContain(id.longValue()));
    }

    @Test
    void the_compliance_grid_judges_no_month_before_the_first_plan_began() throws Exception {
        String json = mvc.perform(get("/api/insight").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        LocalDate began = LocalDate.parse(JsonPath.read(json, "$.headline.startedOn"));
        LocalDate asOf = LocalDate.parse(JsonPath.read(json, "$.asOf"));
        assertThat(began).isBeforeOrEqualTo(asOf);
        String page = mvc.perform(get("/insight").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int notOwed = began.getYear() == asOf.getYear() ? began.getMonthValue() - 1 : 0;
        List<Map<String, Object>> rows = JsonPath.read(json, "$.compliance");
        assertThat(rows).isNotEmpty();
        // each unit's row of the data table: a dash for every month before the plan began, a count after
        assertThat(page.split("<td class=\"text-end\">—</td>", -1).length - 1).isEqualTo(notOwed * rows.size());
    }

    private String dashboard(String params) throws Exception {
        return mvc.perform(get("/api/insight?planId=" + planId + params).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private int ledgerTotal(String params, TaskFigure figure) throws Exception {
        String json = mvc.perform(get("/api/tasks?planId=" + planId + params + (figure == null ? "" : "&figure=" + figure))
                .with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.total");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> row) {
        return (Map<String, Object>) row.get("counts");
    }

    private List<Long> taskIds() {
        return jdbc.queryForList("select id from task where plan_id = ?", Long.class, planId);
    }
}
