package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 挂账督办: on the ledger until closed; red tasks suggested; only the office and supervisors put tasks on it. */
@IntegrationTest
@EnableScenarios
class SupervisionLedgerTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    SupervisionLedger ledger;
    @Autowired
    Warnings warnings;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_task_stays_on_the_ledger_until_it_is_closed_and_then_stays_on_record(Scenario scenario) throws Exception {
        long id = startedTask();
        mvc.perform(post("/api/supervision/ledger").with(as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"reason\": \"连续两月未报送进展\"}".formatted(id)))
                .andExpect(status().isCreated());
        assertThat(open(id)).isTrue();

        command(id, "REQUEST_CLOSURE");
        assertThat(open(id)).isTrue(); // a closure request is not a closure
        scenario.stimulate(ClientRequest.sent(() -> command(id, "CLOSE")))
                .andWaitForStateChange(() -> !open(id), Boolean.TRUE::equals)
                .andVerify(resolved -> assertThat(ledger.entries(true, DataScope.ALL)).filteredOn(e -> e.taskId() == id)
                        .singleElement().satisfies(e -> {
                            assertThat(e.resolution()).isEqualTo("CLOSED");
                            assertThat(e.reason()).isEqualTo("连续两月未报送进展");
                            assertThat(e.addedBy()).contains("督查室");
                        }));
    }

    @Test
    void a_closing_heard_late_does_not_take_off_an_entry_added_after_it() throws Exception {
        long id = startedTask();
        java.time.Instant closedBefore = clock.instant().minusSeconds(60); // e.g. closed, then relapsed and put on again
        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"反弹\"}".formatted(id))).andExpect(status().isCreated());
        ledger.resolve(id, org.rectify.plans.TaskStatus.CLOSED, closedBefore);
        assertThat(open(id)).isTrue();
        ledger.resolve(id, org.rectify.plans.TaskStatus.CLOSED, clock.instant().plusSeconds(1));
        assertThat(open(id)).isFalse();
    }

    @Test
    void a_task_cannot_be_on_the_open_ledger_twice_nor_without_a_reason() throws Exception {
        long id = startedTask();
        String json = "{\"taskId\": %d, \"reason\": \"%s\"}";
        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(json.formatted(id, " "))).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(json.formatted(id, "逾期"))).andExpect(status().isCreated());
        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(id, "再次")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已在挂账督办台账上")));
    }

    @Test
    void units_and_leaders_read_the_ledger_but_do_not_write_it() throws Exception {
        long id = startedTask();
        mvc.perform(post("/api/supervision/ledger").with(as("epb-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"x\"}".formatted(id))).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/ledger").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"x\"}".formatted(id))).andExpect(status().isForbidden());
        mvc.perform(get("/api/supervision/ledger").with(as("epb-staff"))).andExpect(status().isOk());
    }

    @Test
    void red_tasks_not_on_the_ledger_are_suggested_and_put_on_it_from_the_page() throws Exception {
        long overdue = startedTask(LocalDate.now().minusDays(10)); // past its deadline: red
        String ref = taskLedger.get(overdue, DataScope.ALL).ref();
        warnings.recomputeAll(warnings.today());
        mvc.perform(get("/api/supervision/ledger/suggestions").with(office()))
                .andExpect(jsonPath("$[*].ref").value(hasItem(ref)))
                .andExpect(jsonPath("$[*].ref").value(not(hasItem("六")))) // the demo's supervisors put it on already
                .andExpect(jsonPath("$[*].ref").value(not(hasItem("五(三)1")))); // its relapse put it on
        mvc.perform(post("/supervision/ledger").param("taskId", String.valueOf(overdue)).param("reason", "逾期未完成机构编制落实")
                        .with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", "已挂账督办。"));
        mvc.perform(get("/supervision/ledger").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期未完成机构编制落实")))
                .andExpect(content().string(containsString("挂账中")));
    }

    @Test
    void the_headers_count_of_red_tasks_to_supervise_is_planned_without_parallel_workers_in_its_own_transaction_only() {
        String setting = "select current_setting('max_parallel_workers_per_gather')";
        String before = jdbc.queryForObject(setting, String.class);
        List<String> inside = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (DataScope scope : List.of(DataScope.ALL, DataScope.ofUnit(units.get(units.resolve("市环境保护局").orElseThrow().id()).path()))) {
                jdbc.execute("set local max_parallel_workers_per_gather = 2");
                ledger.suggestionCount(scope);
                inside.add(jdbc.queryForObject(setting, String.class));
                jdbc.execute("set local max_parallel_workers_per_gather = 2");
                ledger.suggestionCount(scope, 1000);
                inside.add(jdbc.queryForObject(setting, String.class));
            }
        });
        // on every page of an office: the province's count at 1,000,000 tasks took 45-84 ms with two workers, 14-15 without
        assertThat(inside).containsExactly("0", "0", "0", "0");
        assertThat(jdbc.queryForObject(setting, String.class)).as("after its transaction").isEqualTo(before).isNotEqualTo("0");
    }

    @Test
    void the_headers_count_of_red_tasks_to_supervise_counts_no_further_than_it_is_asked_in_every_scope() throws Exception {
        startedTask(LocalDate.now().minusDays(12));
        startedTask(LocalDate.now().minusDays(13));
        warnings.recomputeAll(warnings.today());
        assertThat(ledger.suggestionCount(DataScope.ALL)).isGreaterThanOrEqualTo(2);
        for (DataScope scope : List.of(DataScope.ALL, DataScope.ofJurisdiction(units.get(units.resolve("临沧市").orElseThrow().id()).path()),
                DataScope.ofJurisdiction(units.get(units.resolve("临翔区").orElseThrow().id()).path()),
                DataScope.ofUnit(units.get(units.resolve("市环境保护局").orElseThrow().id()).path()))) {
            int all = ledger.suggestionCount(scope);
            assertThat(ledger.suggestionCount(scope, 1000)).as("%s: all of them", scope).isEqualTo(all);
            assertThat(ledger.suggestionCount(scope, all)).as("%s: as many as there are", scope).isEqualTo(all);
            assertThat(ledger.suggestionCount(scope, 1)).as("%s: one at most", scope).isEqualTo(Math.min(1, all));
        }
        assertThat(ledger.suggestionCount(DataScope.ALL, 2)).isEqualTo(2);
    }

    @Test
    void the_suggestions_come_a_page_at_a_time_and_a_county_office_pages_through_its_own_only() throws Exception {
        startedTask(LocalDate.now().minusDays(10));
        startedTask(LocalDate.now().minusDays(11));
        warnings.recomputeAll(warnings.today());

        var page = ledger.suggestions(DataScope.ALL, new org.rectify.platform.Paging(0, 200));
        var all = page.rows();
        assertThat(ledger.suggestionCount(DataScope.ALL)).isEqualTo(page.total()).isEqualTo(all.size()).isGreaterThanOrEqualTo(2);
        var first = ledger.suggestions(DataScope.ALL, 0, 1);
        var second = ledger.suggestions(DataScope.ALL, 1, 1);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(all.subList(0, 2)).containsExactly(first.get(0), second.get(0));

        DataScope county = DataScope.ofJurisdiction(units.get(units.resolve("临翔区").orElseThrow().id()).path());
        var countys = ledger.suggestions(county, 0, 500);
        assertThat(ledger.suggestionCount(county)).isEqualTo(countys.size()).isLessThan(all.size());
        assertThat(all).containsAll(countys);
        assertThat(countys).extracting(SupervisionLedger.TaskWarningRef::title).doesNotContain("挂账测试任务"); // the city's
        mvc.perform(get("/supervision/ledger").param("page", "99").with(as("linxiang-office"))) // past the end: the last
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ledger-suggestion-total\">" + countys.size() + "<")));
    }

    private boolean open(long taskId) {
        return ledger.entries(false, DataScope.ALL).stream().anyMatch(e -> e.taskId() == taskId);
    }

    @Autowired
    org.rectify.plans.TaskLedger taskLedger;


    private long startedTask() throws Exception {
        return startedTask(LocalDate.now().plusMonths(3));
    }

    private long startedTask(LocalDate dueOn) throws Exception {
        long plan = plans.findByTitle("挂账测试方案")
                .orElseGet(() -> plans.createPlan(null, "挂账测试方案", "测试", null, units.resolve("临沧市").orElseThrow().id()));
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "L%d", "text": "挂账测试任务", "leadUnits": {"unitIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan, SEQ.incrementAndGet(), units.resolve("市环境保护局").orElseThrow().id(), dueOn)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        command(id, "ASSIGN");
        command(id, "START");
        return id;
    }

    private long command(long id, String command) throws Exception {
        if (!org.rectify.TestTasks.closureStep(mvc, id, command)) {
            mvc.perform(post("/api/tasks/{id}/transitions", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"" + command + "\"}")).andExpect(status().isOk());
        }
        return id;
    }
}
