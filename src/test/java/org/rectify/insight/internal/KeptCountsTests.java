package org.rectify.insight.internal;

import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.rectify.TestTasks.command;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The counts kept from events equal the counts rebuilt from scratch, and a county sees only its county through them. */
@IntegrationTest
class KeptCountsTests {

    private static final String PLAN = "计数测试方案";

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;
    @Autowired
    KeptCounts kept;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    TaskFigureConditions figures;

    @Test
    void the_counts_kept_through_a_random_sequence_of_commands_equal_a_rebuild_from_scratch() throws Exception {
        // from counts equal to the tables: other tests in this context change rows by SQL, behind the events' back
        kept.rebuild();
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, PLAN);
        LocalDate today = warnings.today();
        List<Long> leads = List.of(units.resolve("临翔区").orElseThrow().id(), units.resolve("市林业局").orElseThrow().id(),
                units.resolve("临沧市").orElseThrow().id());
        Random random = new Random(13);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LocalDate deadline = today.plusDays(random.nextInt(400) - 200);
            long lead = leads.get(random.nextInt(leads.size()));
            ids.add(i % 4 == 0 ? tasks.draft("计数任务" + i, lead, deadline) : tasks.started("计数任务" + i, lead, deadline));
        }
        TaskCommand[] commands = TaskCommand.values();
        for (int step = 0; step < 60; step++) {
            long id = ids.get(random.nextInt(ids.size()));
            if (random.nextInt(5) == 0) {
                warnings.recompute(id, today);
                continue;
            }
            TaskStatus status = TaskStatus.valueOf(jdbc.queryForObject("select status from task where id = ?", String.class, id));
            List<TaskCommand> allowed = java.util.Arrays.stream(commands).filter(c -> c.allowedFrom(status)).toList();
            if (!allowed.isEmpty()) {
                command(mvc, id, allowed.get(random.nextInt(allowed.size())).name());
            }
        }
        ids.forEach(id -> warnings.recompute(id, today));

        List<Map<String, Object>> keptCounts = counts();
        List<Map<String, Object>> keptMonths = months();
        assertThat(jdbc.queryForObject("select count(*) from insight_count where scope_key = 'A' and plan_id = ?", Integer.class,
                tasks.planId())).isPositive();
        kept.rebuild();
        assertThat(counts()).isEqualTo(keptCounts);
        assertThat(months()).isEqualTo(keptMonths);
        assertThat(kept.stale()).isFalse();
    }

    @Test
    void a_county_office_sees_its_county_only_and_the_same_tasks_as_its_ledger() throws Exception {
        String county = mvc.perform(get("/api/insight").with(as("linxiang-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String ledger = mvc.perform(get("/api/tasks").with(as("linxiang-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String city = mvc.perform(get("/api/insight").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int total = JsonPath.read(county, "$.headline.total");
        assertThat(total).isPositive().isEqualTo((Integer) JsonPath.read(ledger, "$.total"))
                .isLessThan((Integer) JsonPath.read(city, "$.headline.total"));
        List<Long> linxiang = units.subtree(units.resolve("临翔区").orElseThrow().id()).stream().map(org.rectify.units.Unit::id).toList();
        List<Number> bars = JsonPath.read(county, "$.units[*].unitId");
        assertThat(bars).allSatisfy(id -> assertThat(linxiang).contains(id.longValue()));
    }

    @Test
    void each_figure_read_from_the_kept_facts_holds_for_the_same_tasks_as_the_ledger_condition() {
        List<Map<String, Object>> facts = jdbc.queryForList("select task_id, status, schedule, level from insight_task");
        assertThat(facts).isNotEmpty();
        int found = 0;
        for (TaskFigure figure : TaskFigure.values()) {
            Set<Long> byCondition = new HashSet<>(db.select(TASK.ID).from(TASK).where(figures.of(figure)).fetch(TASK.ID));
            Set<Long> byFacts = facts.stream().filter(f -> figures.holds(figure, (String) f.get("status"),
                    (String) f.get("schedule"), (String) f.get("level"))).map(f -> ((Number) f.get("task_id")).longValue())
                    .collect(Collectors.toSet());
            assertThat(byFacts).as(figure.name()).isEqualTo(byCondition);
            found += byCondition.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("figures the demo has tasks for").isGreaterThan(3);
    }

    /** The kept counts that are not zero (a count taken down to zero keeps its row until a rebuild). */
    private List<Map<String, Object>> counts() {
        return jdbc.queryForList("select scope_key, plan_id, section, status, schedule, level, tasks from insight_count "
                + "where tasks <> 0 order by scope_key, plan_id, section, status, schedule, level");
    }

    private List<Map<String, Object>> months() {
        return jdbc.queryForList("select scope_key, plan_id, section, month, due, closed from insight_month "
                + "where due <> 0 or closed <> 0 order by scope_key, plan_id, section, month");
    }
}
