package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.progress.ProgressFixture.id;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report hands work over: each step tells the people it now waits on (their inbox, opening the report), the first
 * report starts an assigned task, and a report saying the work is done offers to apply for closure.
 */
@IntegrationTest
@EnableScenarios
class ReportHandOverTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Tasks tasks;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_report_sent_for_approval_tells_the_head_a_send_back_tells_the_staff_and_so_does_the_approval(Scenario scenario)
            throws Exception {
        ProgressFixture approving = ProgressFixture.plan(mvc, units, LocalDate.now(clock), true);
        long task = approving.epbTask();
        long report = heard(scenario, task, () -> id(approving.report(epbStaff(), task, approving.currentCycle,
                ProgressFixture.content("待审核的报告"), true).andExpect(status().isCreated()).andReturn()));
        assertThat(kinds("epb-head", report)).containsExactly("REPORT_AWAITING_APPROVAL");
        assertThat(kinds("epb-staff", report)).isEmpty(); // staff sent it: nothing waits on them

        heard(scenario, task, () -> mvc.perform(post("/api/progress/reports/{id}/send-back", report).with(as("epb-head"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"请补充监测数据\"}")).andExpect(status().isOk()));
        assertThat(kinds("epb-staff", report)).containsExactly("REPORT_SENT_BACK");

        heard(scenario, task, () -> mvc.perform(post("/api/progress/reports/{id}/submit", report).with(epbStaff()))
                .andExpect(status().isOk()));
        assertThat(kinds("epb-head", report)).containsExactly("REPORT_AWAITING_APPROVAL", "REPORT_AWAITING_APPROVAL"); // again

        heard(scenario, task, () -> mvc.perform(post("/api/progress/reports/{id}/approve", report).with(as("epb-head")))
                .andExpect(status().isOk()));
        assertThat(kinds("epb-staff", report)).containsExactly("REPORT_SENT_BACK", "REPORT_APPROVED");
        mvc.perform(get("/inbox").with(epbStaff())).andExpect(content().string(containsString("的进展报告已审核通过并报送。")));
    }

    @Test
    void a_report_the_office_returns_tells_the_units_staff_and_head(Scenario scenario) throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        long report = plan.submitted(epbStaff(), task, plan.currentCycle);
        heard(scenario, task, () -> mvc.perform(post("/api/progress/reports/{id}/return", report).with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"佐证材料不足\"}")).andExpect(status().isOk()));
        assertThat(kinds("epb-staff", report)).containsExactly("REPORT_RETURNED");
        assertThat(kinds("epb-head", report)).containsExactly("REPORT_RETURNED");
        assertThat(kinds("office", report)).isEmpty();
    }

    @Test
    void the_first_report_on_an_assigned_task_starts_it_and_the_history_says_so() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        plan.report(epbStaff(), task, plan.currentCycle, ProgressFixture.content("草稿"), false).andExpect(status().isCreated());
        mvc.perform(get("/api/tasks/{id}", task).with(office())).andExpect(jsonPath("$.status").value("ASSIGNED"));

        ProgressFixture other = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long started = other.epbTask();
        other.submitted(epbStaff(), started, other.currentCycle);
        mvc.perform(get("/api/tasks/{id}", started).with(office()))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.history[?(@.action == 'STARTED_BY_REPORT')].actor").value(
                        org.hamcrest.Matchers.contains(containsString("市环保局经办人"))));
        // the task's record (its timeline, from the audit chain) shows the start by the report, in the reporter's name
        mvc.perform(get("/audit/tasks/{id}/timeline", started).with(office()))
                .andExpect(content().string(containsString("首次报送进展，任务启动")))
                .andExpect(content().string(containsString("市环保局经办人")));
        // a second report starts nothing again
        other.submitted(epbStaff(), started, other.pastCycle);
        assertThat(jdbc.queryForObject("select count(*) from task_history where task_id = ? and to_status = 'IN_PROGRESS'",
                Integer.class, started)).isEqualTo(1);
    }

    @Test
    void a_first_report_that_finds_its_task_started_meanwhile_by_another_stands_and_the_task_starts_once() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        TaskDetail readBefore = ledger.get(task, DataScope.ALL); // assigned, as a second report at the same time read it
        plan.submitted(epbStaff(), task, plan.currentCycle); // the first report starts it
        Caller second = new Caller(1, "epb-staff", "市环保局经办人", readBefore.leadUnitIds().get(0), "市环保局",
                Role.UNIT_STAFF, DataScope.ofUnit("/"));

        new TransactionTemplate(transactions).executeWithoutResult(s -> tasks.startByReport(readBefore, second));

        mvc.perform(get("/api/tasks/{id}", task).with(office())).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        assertThat(jdbc.queryForObject("select count(*) from task_history where task_id = ? and to_status = 'IN_PROGRESS'",
                Integer.class, task)).isEqualTo(1);
    }

    @Test
    void a_report_saying_the_work_is_completed_offers_its_unit_to_apply_for_closure() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        long done = id(plan.report(epbStaff(), task, plan.currentCycle,
                "{\"workDone\": \"全部完成\", \"phase\": \"COMPLETED\", \"onSchedule\": true}", true).andReturn());
        mvc.perform(get("/progress/reports/{id}", done).with(epbStaff()))
                .andExpect(content().string(containsString("href=\"/tasks/%d/closure/apply\"".formatted(task))))
                .andExpect(content().string(containsString("可以申请销号")));
        mvc.perform(get("/progress/reports/{id}", done).with(office()))
                .andExpect(content().string(not(containsString("closure/apply"))));
        long going = plan.submitted(epbStaff(), plan.epbTask(), plan.currentCycle);
        mvc.perform(get("/progress/reports/{id}", going).with(epbStaff()))
                .andExpect(content().string(not(containsString("closure/apply"))));
    }

    /**
     * Takes a step (a request) as Scenario's stimulus and returns its result once every event about the task has been
     * handled by its listeners (the inbox among them): then what a listener did not do is not merely not done yet.
     */
    private <T> T heard(Scenario scenario, long task, Callable<T> step) {
        AtomicReference<T> result = new AtomicReference<>();
        scenario.stimulate(ClientRequest.sent(step))
                .andWaitForStateChange(new EventsHandled(publications).about(task), Boolean.TRUE::equals)
                .andVerify((handled, stepResult) -> result.set(stepResult));
        return result.get();
    }

    /** The kinds of the account's inbox messages opening this report, oldest first. */
    private List<String> kinds(String username, long report) {
        return jdbc.queryForList("""
                select m.kind from inbox_message m join account a on a.id = m.account_id
                 where a.username = ? and m.link = ? order by m.id""", String.class, username, "/progress/reports/" + report);
    }
}
