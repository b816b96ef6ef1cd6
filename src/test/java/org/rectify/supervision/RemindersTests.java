package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.JobRun;
import org.rectify.TestTasks;
import org.rectify.access.Accounts;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders through a plan's life, the day moved by the test: who hears of what, and when, and only once. The tasks
 * are led by a unit of the test's own, so its staff and head hear of nothing else.
 */
@IntegrationTest
@EnableScenarios
class RemindersTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String UNIT = "提醒测试局";
    private static final String PASSWORD = "reminder-test-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    Reminders reminders;
    @Autowired
    Warnings warnings;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration unitAdministration;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_task_is_reminded_seven_three_and_one_days_before_its_deadline_and_one_three_and_seven_days_after(Scenario scenario)
            throws Exception {
        LocalDate deadline = LocalDate.of(2045, 6, 30);
        TestTasks plan = newPlan();
        long task = newTask(plan, deadline);
        scenario.stimulate(JobRun.of(() -> everyDay(plan, deadline.minusDays(20), deadline.plusDays(30))))
                .andWaitForStateChange(remindersHandled(task), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(inbox("remind-staff", task)).hasSize(6));
        assertThat(stages(task, "DEADLINE")).containsExactly(-7, -3, -1, 1, 3, 7);
        assertThat(inbox("remind-staff", task)).first().asString()
                .isEqualTo("notify.reminder.DEADLINE.ahead|%s|2045-06-30|7".formatted(ref(task)));
        assertThat(inbox("remind-staff", task)).last().asString()
                .isEqualTo("notify.reminder.DEADLINE.behind|%s|2045-06-30|7".formatted(ref(task)));
        assertThat(inbox("remind-head", task)).isEmpty(); // a deadline is the staff's and the responsible person's
        assertThat(jdbc.queryForObject("select count(*) from inbox_message where dedupe_key in (select 'reminder:' || id "
                + "from reminder where task_id = ?) and account_id not in (select id from account where unit_id = ?)",
                Integer.class, task, unitId())).isZero();
    }

    @Test
    void a_milestone_is_reminded_of_before_its_date_only_and_a_skipped_day_still_gets_its_stage() throws Exception {
        LocalDate milestone = LocalDate.of(2046, 3, 10);
        TestTasks plan = newPlan();
        long task = newTask(plan, milestone, LocalDate.of(2046, 12, 31));
        reminders.sweep(milestone.minusDays(5), plan.planId()); // the app was down on the 7th day before
        reminders.sweep(milestone.minusDays(4), plan.planId());
        reminders.sweep(milestone, plan.planId());
        everyDay(plan, milestone.plusDays(1), milestone.plusDays(20));
        assertThat(jdbc.queryForList("select stage || ' ' || days from reminder where task_id = ? order by id", String.class, task))
                .containsExactly("-7 -5", "-1 0");
    }

    @Test
    void closed_cancelled_and_draft_tasks_and_those_waiting_for_closure_review_get_no_deadline_reminder() throws Exception {
        LocalDate deadline = LocalDate.of(2047, 5, 31);
        TestTasks plan = newPlan();
        long closed = newTask(plan, deadline);
        command(closed, "REQUEST_CLOSURE");
        command(closed, "CLOSE");
        long reviewed = newTask(plan, deadline);
        command(reviewed, "REQUEST_CLOSURE");
        long cancelled = newTask(plan, deadline);
        command(cancelled, "CANCEL");
        long draft = plan.draft("提醒测试草稿", unitId(), deadline);
        long open = newTask(plan, deadline);

        everyDay(plan, deadline.minusDays(10), deadline.plusDays(10));
        assertThat(jdbc.queryForList("select distinct task_id from reminder where task_id in (?, ?, ?, ?, ?)", Long.class,
                closed, reviewed, cancelled, draft, open)).containsExactly(open);
    }

    @Test
    void sweeping_the_same_day_again_or_on_two_threads_at_once_sends_each_stage_once(Scenario scenario) throws Exception {
        LocalDate deadline = LocalDate.of(2048, 9, 30);
        TestTasks plan = newPlan();
        long task = newTask(plan, deadline);
        LocalDate day = deadline.minusDays(3);
        Callable<Integer> sweep = () -> reminders.sweep(day, plan.planId());
        var threads = Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(sweep);
            var second = threads.submit(sweep);
            assertThat(first.get() + second.get()).isEqualTo(1);
        } finally {
            threads.shutdown();
        }
        scenario.stimulate(JobRun.of(() -> reminders.sweep(day, plan.planId())))
                .andWaitForStateChange(remindersHandled(task), Boolean.TRUE::equals)
                .andVerify((handled, reached) -> {
                    assertThat(reached).as("the same day again").isZero();
                    assertThat(inbox("remind-staff", task)).hasSize(1);
                });
        assertThat(stages(task, "DEADLINE")).containsExactly(-3);
    }

    @Test
    void a_report_due_is_reminded_to_the_unit_that_owes_it_until_it_is_sent_and_the_head_hears_while_it_waits_for_approval(
            Scenario scenario) throws Exception {
        LocalDate today = warnings.today();
        LocalDate due = today.plusDays(10);
        TestTasks plan = newPlan();
        mvc.perform(put("/api/progress/plans/{id}/cadence", plan.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": true, "startsOn": "%s",
                         "customDueDates": ["%s"]}""".formatted(today.minusDays(20), due))).andExpect(status().isOk());
        long cycle = ((Number) JsonPath.read(mvc.perform(get("/api/progress/plans/{id}/cycles", plan.planId()).with(office()))
                .andReturn().getResponse().getContentAsString(), "$[0].id")).longValue();
        long task = newTask(plan, LocalDate.of(2049, 12, 31));

        scenario.stimulate(JobRun.of(() -> reminders.sweep(due.minusDays(3), plan.planId())))
                .andWaitForStateChange(remindersHandled(task), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(inbox("remind-staff", task))
                        .containsExactly("notify.reminder.REPORT_DUE.ahead|%s|%s|3".formatted(ref(task), due)));
        assertThat(stages(task, "REPORT_DUE")).containsExactly(-3);

        String report = mvc.perform(post("/api/progress/reports").with(login("remind-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"taskId": %d, "cycleId": %d, "submit": true,
                                 "content": {"workDone": "完成排查", "phase": "IN_PROGRESS", "onSchedule": true}}"""
                                .formatted(task, cycle)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andReturn().getResponse().getContentAsString();
        scenario.stimulate(JobRun.of(() -> reminders.sweep(today.plusDays(1), plan.planId()))) // waited a day for the head
                .andWaitForStateChange(remindersHandled(task), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(inbox("remind-head", task))
                        .containsExactly("notify.reminder.APPROVAL.behind|%s|%s|1".formatted(ref(task), today)));
        assertThat(stages(task, "APPROVAL")).containsExactly(1);

        reminders.sweep(due.minusDays(1), plan.planId());
        reminders.sweep(due.plusDays(1), plan.planId());
        assertThat(stages(task, "REPORT_DUE")).containsExactly(-3); // sent for approval: the staff did their part
        assertThat(stages(task, "APPROVAL")).containsExactly(1, 7); // the head, nine days on

        mvc.perform(post("/api/progress/reports/{id}/approve", ((Number) JsonPath.read(report, "$.id")).longValue())
                .with(login("remind-head"))).andExpect(status().isOk());
        reminders.sweep(due.plusDays(3), plan.planId());
        assertThat(stages(task, "APPROVAL")).containsExactly(1, 7);
        assertThat(stages(task, "REPORT_DUE")).containsExactly(-3);
    }

    @Test
    void each_unit_sees_the_reminders_on_its_own_tasks_and_the_office_sees_them_all() throws Exception {
        LocalDate deadline = LocalDate.of(2044, 4, 30);
        TestTasks plan = newPlan();
        long task = newTask(plan, deadline);
        reminders.sweep(deadline.plusDays(1), plan.planId());

        mvc.perform(get("/supervision/reminders").with(login("remind-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ref(task).split("\\|")[0])))
                .andExpect(content().string(containsString("逾期1天")));
        mvc.perform(get("/api/supervision/reminders").with(office()))
                .andExpect(jsonPath("$[*].taskId").value(hasItem((int) task)));
        mvc.perform(get("/api/supervision/reminders").with(as("linxiang-staff")))
                .andExpect(jsonPath("$[*].taskId").value(not(hasItem((int) task))));
        mvc.perform(get("/api/supervision/reminders").param("taskId", String.valueOf(task)).with(as("linxiang-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/supervision/reminders").param("taskId", String.valueOf(task)).with(login("remind-staff")))
                .andExpect(jsonPath("$[0].subject").value("DEADLINE")).andExpect(jsonPath("$[0].days").value(1));
    }

    @Test
    void the_daily_sweep_is_registered_with_the_cluster_safe_scheduler() {
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'send-reminders'",
                Integer.class)).isEqualTo(1);
    }

    /** Sweeps each day in turn; returns how many stages were reached. */
    private int everyDay(TestTasks plan, LocalDate from, LocalDate to) {
        int reached = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            reached += reminders.sweep(day, plan.planId());
        }
        return reached;
    }

    /** True once every reminder of the task has been handled by its listeners (the inbox among them). */
    private java.util.function.Supplier<Boolean> remindersHandled(long task) {
        return new EventsHandled(publications).of(ReminderDue.class, r -> r.taskId() == task);
    }

    private List<Integer> stages(long task, String subject) {
        return jdbc.queryForList("select stage from reminder where task_id = ? and subject = ? order by id", Integer.class,
                task, subject);
    }

    /** The account's reminders on the task, oldest first, as "bundle key|ref|title|date|days". */
    private List<String> inbox(String username, long task) {
        return jdbc.queryForList("""
                        select m.message_key || '|' || replace(m.args, chr(31), '|') from inbox_message m
                        join account a on a.id = m.account_id
                        join reminder r on m.dedupe_key = 'reminder:' || r.id
                        where a.username = ? and r.task_id = ?
                        order by r.id""", String.class, username, task); // the reminders' order: listeners run concurrently
    }

    private String ref(long task) {
        return jdbc.queryForObject("select ref || '|' || title from task where id = ?", String.class, task);
    }

    private RequestPostProcessor login(String username) {
        return httpBasic(username, PASSWORD);
    }

    private long unitId() {
        return units.resolve(UNIT).map(u -> u.id()).orElseGet(() -> {
            long unit = unitAdministration.create(new NewUnit(units.resolve("临沧市").orElseThrow().id(), UNIT,
                    UnitLevel.CITY, UnitType.DEPARTMENT)).id();
            accounts.create(new NewAccount("remind-staff", PASSWORD, "提醒测试员", unit, Role.UNIT_STAFF));
            accounts.create(new NewAccount("remind-head", PASSWORD, "提醒测试局长", unit, Role.UNIT_HEAD));
            return unit;
        });
    }

    /** A plan of the test's own, so that moving the day reminds nobody else. */
    private synchronized TestTasks newPlan() {
        unitId();
        return TestTasks.inPlan(mvc, plans, units, "提醒测试方案" + SEQ.incrementAndGet());
    }

    /** A task assigned to the test's unit and started, with milestones on the given dates (the last is the deadline). */
    private long newTask(TestTasks plan, LocalDate... milestones) throws Exception {
        return plan.started("提醒测试任务" + SEQ.incrementAndGet(), unitId(), milestones);
    }

    private void command(long id, String command) throws Exception {
        TestTasks.command(mvc, id, command);
    }
}
