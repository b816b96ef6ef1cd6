package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Batch actions on the ledger: each task through the single action's command, each outcome reported, none undone. */
@IntegrationTest
class TaskBatchTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    TaskLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_illegal_transition_among_legal_ones_is_refused_with_its_reason_and_the_others_are_assigned() throws Exception {
        long plan = cityPlan("批量短名" + SEQ.incrementAndGet());
        long first = task(plan, office(), "市环境保护局");
        long second = task(plan, office(), "市环境保护局");
        long started = task(plan, office(), "市环境保护局");
        transition(started, "ASSIGN");
        transition(started, "START");

        String body = batch(office(), "{\"action\": \"ASSIGN\", \"taskIds\": [%d, %d, %d]}".formatted(first, started, second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].outcome").value(org.hamcrest.Matchers.contains("DONE", "REFUSED", "DONE")))
                .andExpect(jsonPath("$.items[1].reason").value("任务当前状态为“推进中”，不能执行“下达”。"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String shortName = jdbc.queryForObject("select short_name from plan where id = ?", String.class, plan);
        assertThat(JsonPath.<String>read(body, "$.items[0].label")).startsWith(shortName + "·B");

        assertThat(ledger.get(first, DataScope.ALL).status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(ledger.get(second, DataScope.ALL).status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(ledger.get(started, DataScope.ALL).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        // the same command as the single action: recorded in the task's history with its actor
        assertThat(ledger.get(first, DataScope.ALL).history()).anySatisfy(h -> {
            assertThat(h.toStatus()).isEqualTo(TaskStatus.ASSIGNED);
            assertThat(h.actor()).isNotBlank();
        });
    }

    @Test
    void a_county_office_batch_puts_its_own_task_on_the_ledger_and_finds_the_city_task_not_found() throws Exception {
        long countyPlan = plans.createPlan(null, "县批量方案" + SEQ.incrementAndGet(), "测试", null,
                units.resolve("临翔区").orElseThrow().id());
        long county = task(countyPlan, linxiangOffice(), "临翔区政府");
        transitionAs(linxiangOffice(), county, "ASSIGN");
        long city = task(cityPlan(null), office(), "市环境保护局");
        transition(city, "ASSIGN");

        batch(linxiangOffice(), "{\"action\": \"LEDGER\", \"reason\": \"批量挂账\", \"taskIds\": [%d, %d]}".formatted(city, county))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].outcome").value("NOT_FOUND"))
                .andExpect(jsonPath("$.items[0].label").value("")) // nothing said of what the caller cannot see
                .andExpect(jsonPath("$.items[1].outcome").value("DONE"));
        assertThat(onLedger(county)).isTrue();
        assertThat(onLedger(city)).isFalse();
        // a batch of nothing but the city's tasks is not found, as a single action would be
        batch(linxiangOffice(), "{\"action\": \"LEDGER\", \"reason\": \"批量挂账\", \"taskIds\": [%d]}".formatted(city))
                .andExpect(status().isNotFound());
        batch(linxiangOffice(), "{\"action\": \"LEDGER\", \"reason\": \" \", \"taskIds\": [%d]}".formatted(county))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请填写挂账原因。"));
        batch(linxiangOffice(), "{\"action\": \"START\", \"taskIds\": []}").andExpect(status().isUnprocessableContent());
    }

    @Test
    void the_ledger_page_issues_one_notice_per_ticked_task_and_reports_each_in_english_too() throws Exception {
        long plan = cityPlan(null);
        long first = task(plan, office(), "市环境保护局");
        long second = task(plan, office(), "市环境保护局");
        String ledgerPage = mvc.perform(get("/tasks").param("planId", String.valueOf(plan)).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ledgerPage).contains("id=\"batch-form\"").contains("name=\"taskId\" value=\"" + first + "\"");
        assertThat(mvc.perform(get("/tasks").with(as("epb-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("batch-form");

        String page = mvc.perform(post("/tasks/batch").param("action", "NOTICE").param("demands", "请于期限内报送整改进展")
                        .param("replyBy", LocalDate.now().plusDays(7).toString())
                        .param("taskId", String.valueOf(first), String.valueOf(second)).param("lang", "en")
                        .with(office()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Batch action: Issue a supervision notice (one per task)").contains("2 done, 0 not done.");
        assertThat(jdbc.queryForObject("select count(*) from supervision_notice where task_id in (?, ?) and demands = ?",
                Long.class, first, second, "请于期限内报送整改进展")).isEqualTo(2);
        // a draft task cannot be started: the page says so for that task, in Chinese by default
        String refused = mvc.perform(post("/tasks/batch").param("action", "START").param("taskId", String.valueOf(first))
                        .with(office()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("完成 0 项，未完成 1 项。").contains("data-outcome=\"REFUSED\"").contains("不能执行“开始整改”");
    }

    @Test
    void lists_mixing_plans_name_each_task_with_its_plans_short_name() throws Exception {
        String shortName = "混列" + SEQ.incrementAndGet();
        long plan = cityPlan(shortName);
        long task = task(plan, office(), "市环境保护局");
        transition(task, "ASSIGN");
        String ref = ledger.get(task, DataScope.ALL).ref();
        batch(office(), "{\"action\": \"NOTICE\", \"demands\": \"请报送\", \"replyBy\": \"%s\", \"taskIds\": [%d]}"
                .formatted(LocalDate.now().plusDays(7), task)).andExpect(jsonPath("$.items[0].outcome").value("DONE"));
        batch(office(), "{\"action\": \"LEDGER\", \"reason\": \"逾期\", \"taskIds\": [%d]}".formatted(task))
                .andExpect(jsonPath("$.items[0].outcome").value("DONE"));
        String label = shortName + "·" + ref;
        for (String page : new String[]{"/tasks?size=200&sort=UPDATED&desc=true", "/supervision/notices", "/supervision/ledger"}) {
            assertThat(html(page)).as(page).contains(label);
        }
        // within one plan the reference alone says it
        assertThat(html("/tasks?planId=" + plan)).doesNotContain(label).contains(">" + ref + "</a>");
    }

    private String html(String page) throws Exception {
        return mvc.perform(get(page).with(office())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean onLedger(long taskId) {
        return jdbc.queryForObject("select count(*) from ledger_entry where task_id = ? and resolved_at is null", Long.class, taskId) > 0;
    }

    private org.springframework.test.web.servlet.ResultActions batch(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/tasks/batch").with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long cityPlan(String shortName) throws Exception {
        long plan = plans.createPlan(null, "批量测试方案" + SEQ.incrementAndGet(), "测试", null, units.resolve("临沧市").orElseThrow().id());
        if (shortName != null) {
            mvc.perform(post("/plans/{id}/short-name", plan).param("shortName", shortName).with(office()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        return plan;
    }

    private long task(long plan, RequestPostProcessor who, String lead) throws Exception {
        String body = mvc.perform(post("/api/tasks").with(who).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "B%d", "text": "批量测试任务", "leadUnits": {"unitIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan, SEQ.incrementAndGet(), units.resolve(lead).orElseThrow().id(), LocalDate.now().plusMonths(3))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void transition(long id, String command) throws Exception {
        transitionAs(office(), id, command);
    }

    private void transitionAs(RequestPostProcessor who, long id, String command) throws Exception {
        mvc.perform(post("/api/tasks/{id}/transitions", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"" + command + "\"}")).andExpect(status().isOk());
    }
}
