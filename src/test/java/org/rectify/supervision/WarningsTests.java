package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.progress.ProgressFixture;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Warnings through a task's life, with the day moved by the test; and the desk, scoped. */
@IntegrationTest
@EnableScenarios
class WarningsTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    Warnings warnings;
    @Autowired
    WarningBoard board;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_task_turns_blue_then_red_as_the_days_pass_and_every_change_is_recorded(Scenario scenario) throws Exception {
        LocalDate deadline = LocalDate.of(2030, 6, 30);
        long id = newTask(deadline);
        command(id, "ASSIGN");
        heard(scenario, id, "START", "NONE");

        warnings.recompute(id, deadline.minusDays(100));
        assertThat(level(id)).isEqualTo("NONE");
        warnings.recompute(id, deadline.minusDays(10));
        assertThat(level(id)).isEqualTo("BLUE");
        warnings.recompute(id, deadline.plusDays(1));
        assertThat(level(id)).isEqualTo("RED");
        assertThat(jdbc.queryForObject("select schedule_status from task_warning where task_id = ?", String.class, id))
                .isEqualTo("OVERDUE");

        assertThat(board.history(id, DataScope.ALL)).extracting(WarningHistoryEntry::to)
                .containsSubsequence(WarningLevel.RED, WarningLevel.BLUE);
        assertThat(board.history(id, DataScope.ALL).get(0).reasons()).containsExactly(WarningReason.OVERDUE);
    }

    /** The demo, loaded beside a generated province, reassesses its own plans only (issue 14): the others stay as stored. */
    @Test
    void reassessing_some_plans_leaves_the_tasks_of_the_others_as_they_were(Scenario scenario) throws Exception {
        long mine = plans.createPlan(null, "预警按方案重算测试" + SEQ.incrementAndGet(), "测试", null, units.resolve("临沧市").orElseThrow().id());
        long theirs = plans.createPlan(null, "预警按方案重算测试" + SEQ.incrementAndGet(), "测试", null, units.resolve("临沧市").orElseThrow().id());
        LocalDate deadline = LocalDate.of(2031, 3, 31);
        long ours = newTask(mine, deadline);
        long other = newTask(theirs, deadline);
        heard(scenario, ours, "ASSIGN", "NONE");
        heard(scenario, other, "ASSIGN", "NONE");

        assertThat(warnings.recomputePlans(java.util.List.of(mine), deadline.plusDays(1))).isEqualTo(1);
        assertThat(level(ours)).isEqualTo("RED");
        assertThat(level(other)).isEqualTo("NONE");
        assertThat(board.history(other, DataScope.ALL)).extracting(WarningHistoryEntry::to).doesNotContain(WarningLevel.RED);

        assertThat(warnings.recomputePlans(java.util.List.of(mine, theirs), deadline.plusDays(1))).as("only what changed").isEqualTo(1);
        assertThat(level(other)).isEqualTo("RED");
    }

    @Test
    void closing_a_task_clears_its_warning_at_once(Scenario scenario) throws Exception {
        long id = newTask(warnings.today().plusDays(5)); // within the blue threshold from the app's today
        heard(scenario, id, "ASSIGN", "BLUE"); // assessed on the event, not at night
        command(id, "START");
        command(id, "REQUEST_CLOSURE");
        heard(scenario, id, "CLOSE", "NONE");
        assertThat(jdbc.queryForObject("select schedule_status from task_warning where task_id = ?", String.class, id))
                .isEqualTo("DONE");
    }

    /**
     * A figure's ledger by deadline walks the warnings in the order of the deadline each keeps (V80): the copy follows
     * an edit of the task's deadline at its assessment, and a copy wrong in the database is put right at the next.
     */
    @Test
    void a_warning_keeps_its_tasks_deadline_through_an_edit_and_a_wrong_copy_is_put_right_at_the_next_assessment(
            Scenario scenario) throws Exception {
        LocalDate first = LocalDate.of(2031, 3, 31);
        long id = newTask(first);
        heard(scenario, id, "ASSIGN", "NONE");
        assertThat(keptDeadline(id)).isEqualTo(first);

        LocalDate later = LocalDate.of(2032, 6, 30);
        scenario.stimulate(ClientRequest.sent(() -> {
                    long version = jdbc.queryForObject("select version from task where id = ?", Long.class, id);
                    mvc.perform(put("/api/tasks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                                    {"version": %d, "task": {"planId": %d, "ref": "%s", "text": "预警测试任务",
                                     "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}}"""
                                    .formatted(version, testPlan(), jdbc.queryForObject("select ref from task where id = ?",
                                            String.class, id), units.resolve("市环境保护局").orElseThrow().id(), later)))
                            .andExpect(status().isOk());
                    return id;
                }))
                .andWaitForStateChange(new EventsHandled(publications).about(id), Boolean.TRUE::equals)
                .andVerify(done -> assertThat(keptDeadline(id)).as("after the edit").isEqualTo(later));

        jdbc.update("update task_warning set task_deadline = null where task_id = ?", id);
        warnings.recompute(id, warnings.today());
        assertThat(keptDeadline(id)).as("put right").isEqualTo(later);
    }

    private LocalDate keptDeadline(long id) {
        return jdbc.queryForObject("select task_deadline from task_warning where task_id = ?", LocalDate.class, id);
    }

    /**
     * Why a full run once saw a closed task left BLUE: the START listener read the open task, the CLOSE listener wrote
     * NONE, then the START listener wrote its older BLUE. A reassessment of a task now waits for one in flight, so it
     * reads the facts the other committed and the last write is of the latest facts.
     */
    @Test
    void a_reassessment_waits_for_one_of_the_same_task_in_flight_so_a_closed_task_is_not_left_blue(Scenario scenario)
            throws Exception {
        long id = newTask(warnings.today().plusDays(5));
        heard(scenario, id, "ASSIGN", "BLUE");
        command(id, "START");
        command(id, "REQUEST_CLOSURE");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> inFlight = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                warnings.recompute(id, warnings.today()); // has read the open task; commits only when released
                read.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> next = threads.submit(() -> warnings.recompute(id, warnings.today()));
            assertThatThrownBy(() -> next.get(2, TimeUnit.SECONDS)).as("the second waits for the first")
                    .isInstanceOf(TimeoutException.class);
            command(id, "CLOSE"); // its listener waits as well
            release.countDown();
            inFlight.get(30, TimeUnit.SECONDS);
            next.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        scenario.stimulate(() -> id).andWaitForStateChange(new EventsHandled(publications).about(id), Boolean.TRUE::equals)
                .andVerify(done -> assertThat(level(id)).isEqualTo("NONE"));
    }

    /**
     * The nightly pass locks one batch at a time (here of one task), not every task for the whole pass. It is held up
     * writing the warning of a task whose unit missed its last report: it has read the facts and decided YELLOW. The
     * unit hands the report in meanwhile; its reassessment waits for that batch only, and once the batch commits it
     * reads the report and clears the warning (the pass's stale decision does not stand). An answer to a notice on a
     * task the pass has not reached, and a report on another one, go through while the pass is still held up; the pass
     * later finds what they wrote.
     */
    @Test
    void a_report_or_a_notice_answer_during_the_nightly_pass_waits_for_its_tasks_batch_at_most_and_stands(Scenario scenario)
            throws Exception {
        LocalDate today = warnings.today();
        ProgressFixture reporting = ProgressFixture.plan(mvc, units, today, false);
        long held = reporting.epbTask();
        long reportedMeanwhile = reporting.epbTask();
        heard(scenario, held, "START", "YELLOW"); // its unit missed the past cycle's report
        heard(scenario, reportedMeanwhile, "START", "YELLOW");
        long noticed = TestTasks.inPlan(mvc, plans, units, "夜间预警分批测试方案").started("夜间预警分批测试任务",
                units.resolve("市环境保护局").orElseThrow().id(), today.plusYears(3));
        scenario.stimulate(() -> noticed).andWaitForStateChange(new EventsHandled(publications).about(noticed), Boolean.TRUE::equals)
                .andVerify(done -> assertThat(level(noticed)).isEqualTo("NONE"));
        long notice = JsonPath.<Number>read(mvc.perform(post("/api/supervision/notices").with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"taskId\": %d, \"demands\": \"请报送\", \"replyBy\": \"%s\"}"
                                .formatted(noticed, today.plusDays(1))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id").longValue();
        jdbc.update("update supervision_notice set reply_by = ? where id = ?", today.minusDays(1), notice); // overdue now
        warnings.recompute(noticed, today);
        assertThat(reasons(noticed)).isEqualTo("NOTICE_UNANSWERED");
        jdbc.update("update task_warning set reasons = 'STALE' where task_id = ?", held); // the pass will write it

        CountDownLatch rowLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> blocker = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.queryForList("select task_id from task_warning where task_id = ? for update", Long.class, held);
                rowLocked.countDown();
                awaitQuietly(release);
            }));
            assertThat(rowLocked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> nightly = threads.submit(() -> warnings.recomputeAll(today, 1));
            awaitWriteWaiting(nightly);

            Future<Long> report = threads.submit(() -> reporting.submitted(epbStaff(), held, reporting.pastCycle));
            assertThatThrownBy(() -> report.get(2, TimeUnit.SECONDS)).as("the report's reassessment waits for the task's batch")
                    .isInstanceOf(TimeoutException.class);
            threads.submit(() -> reporting.submitted(epbStaff(), reportedMeanwhile, reporting.pastCycle)).get(10, TimeUnit.SECONDS);
            assertThat(level(reportedMeanwhile)).as("a report on a task the pass has not reached goes through").isEqualTo("NONE");
            threads.submit(() -> mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(as("epb-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reply\": \"已报送\"}")).andExpect(status().isOk()))
                    .get(10, TimeUnit.SECONDS);
            assertThat(reasons(noticed)).as("so does a notice's answer").isEqualTo("NOTICE_ANSWERED_LATE");
            assertThat(nightly.isDone()).as("the pass is still held up").isFalse();

            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            assertThat(report.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(nightly.get(120, TimeUnit.SECONDS)).isPositive();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(level(held)).as("the report's reassessment came after the batch's").isEqualTo("NONE");
        assertThat(jdbc.queryForObject("select count(*) from progress_report where task_id = ? and submitted_at is not null",
                Integer.class, held)).as("the report is kept").isEqualTo(1);
        assertThat(level(reportedMeanwhile)).isEqualTo("NONE");
        assertThat(reasons(noticed)).isEqualTo("NOTICE_ANSWERED_LATE");
        assertThat(warnings.recomputeAll(today)).as("the pass found what they wrote").isZero();
    }

    /**
     * The lock of a task used to be keyed by its id cast to an int: ids 2^32 apart shared it (and waited for each
     * other). Here a task is created past 2^32 (the sequence moved for it, then put back) and is assessed like any other,
     * and the task whose id agrees with it in the low 32 bits is reassessed while its reassessment is in flight.
     */
    @Test
    void tasks_whose_ids_agree_in_the_low_32_bits_do_not_share_a_lock(Scenario scenario) throws Exception {
        long low = newTask(warnings.today().plusDays(5));
        heard(scenario, low, "ASSIGN", "BLUE");
        long far = low + (1L << 32);
        String sequence = jdbc.queryForObject("select pg_get_serial_sequence('task', 'id')", String.class);
        long last = jdbc.queryForObject("select pg_sequence_last_value(?::regclass)", Long.class, sequence);
        long high;
        try {
            jdbc.queryForObject("select setval(?::regclass, ?)", Long.class, sequence, far - 1);
            high = newTask(warnings.today().plusDays(5));
        } finally {
            jdbc.queryForObject("select setval(?::regclass, ?)", Long.class, sequence, last);
        }
        assertThat(high).isEqualTo(far);
        heard(scenario, high, "ASSIGN", "BLUE");

        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> inFlight = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                warnings.recompute(high, warnings.today());
                read.countDown();
                awaitQuietly(release);
            }));
            assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
            jdbc.update("update task_warning set reasons = 'STALE' where task_id = ?", low);
            Future<Integer> other = threads.submit(() -> warnings.recompute(low, warnings.today()));
            assertThat(other.get(10, TimeUnit.SECONDS)).as("does not wait for the task 2^32 above it").isEqualTo(1);
            release.countDown();
            inFlight.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(reasons(low)).isNotEqualTo("STALE");
    }

    @Test
    void a_lead_unit_that_misses_a_cycles_report_turns_the_task_yellow() throws Exception {
        long plan = plans.findByTitle("报送预警测试方案") // a plan of its own: its cadence must not reach the other tests
                .orElseGet(() -> plans.createPlan(null, "报送预警测试方案", "测试", null, units.resolve("临沧市").orElseThrow().id()));
        long id = newTask(plan, warnings.today().plusYears(2));
        command(id, "ASSIGN");
        command(id, "START");
        mvc.perform(put("/api/progress/plans/{plan}/cadence", plan).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MONTHLY\", \"dueDay\": 25, \"graceDays\": 5, \"approvalRequired\": false}"))
                .andExpect(status().isOk());
        warnings.recompute(id, warnings.today());
        assertThat(level(id)).isEqualTo("NONE"); // this month's report is not yet late
        warnings.recompute(id, warnings.today().plusMonths(2)); // two cycles later, nothing was reported
        assertThat(level(id)).isEqualTo("YELLOW");
        assertThat(jdbc.queryForObject("select reasons from task_warning where task_id = ?", String.class, id))
                .isEqualTo("REPORT_MISSING");
    }

    @Test
    void reassessing_everything_twice_on_the_same_day_changes_nothing_the_second_time() {
        warnings.recomputeAll(warnings.today());
        int changes = jdbc.queryForObject("select count(*) from warning_change", Integer.class);
        assertThat(warnings.recomputeAll(warnings.today())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from warning_change", Integer.class)).isEqualTo(changes);
    }

    @Test
    void the_demo_plans_overdue_task_is_red_and_the_desk_says_why() throws Exception {
        warnings.recomputeAll(warnings.today());
        mvc.perform(get("/api/supervision/warnings").param("planId", demoPlan()).param("level", "RED").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[*].ref").value(hasItem("六"))) // its only deadline passed weeks ago
                .andExpect(jsonPath("$.warnings[?(@.ref == '六')].reasons[0]").value(hasItem("OVERDUE")))
                .andExpect(jsonPath("$.warnings[*].ref").value(not(hasItem("四(二)1")))); // closed in the demo
        mvc.perform(get("/supervision").param("planId", demoPlan()).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已超过整改时限仍未销号")));
    }

    @Test
    void each_unit_sees_only_the_warnings_of_its_own_tasks() throws Exception {
        warnings.recomputeAll(warnings.today());
        mvc.perform(get("/api/supervision/warnings").param("planId", demoPlan()).with(as("epb-staff")))
                .andExpect(jsonPath("$.warnings[*].ref").value(hasItem("四(二)2"))) // supports it through a group
                .andExpect(jsonPath("$.warnings[*].ref").value(not(hasItem("四(一)"))))
                .andExpect(jsonPath("$.warnings[*].ref").value(not(hasItem("六"))));
        mvc.perform(get("/api/supervision/warnings").param("planId", demoPlan()).with(as("linxiang-staff")))
                .andExpect(jsonPath("$.warnings[*].ref").value(hasItem("四(一)")))
                .andExpect(jsonPath("$.warnings[*].ref").value(hasItem("六")));
        long cityOnly = taskId("三(四)");
        mvc.perform(get("/api/supervision/tasks/{id}/history", cityOnly).with(as("linxiang-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_office_sets_a_plans_blue_threshold_and_others_may_not() throws Exception {
        long plan = testPlan();
        mvc.perform(put("/api/supervision/settings/{plan}", plan).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"blueDays\": 30, \"reportGraceDays\": 3}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.blueDays").value(30));
        assertThat(warnings.settings(plan)).isEqualTo(new SupervisionSettings(30, 3));
        mvc.perform(put("/api/supervision/settings/{plan}", plan).with(as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"blueDays\": 1, \"reportGraceDays\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/supervision/settings/{plan}", plan).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"blueDays\": -1, \"reportGraceDays\": 1}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(warnings.settings(plan).blueDays()).isEqualTo(30);
    }

    /** An empty list says so and stops: no "共 0 条 · 第 1/1 页" and two dead buttons under it; a list with rows keeps its pager. */
    @Test
    void the_desk_of_a_plan_without_tasks_shows_no_pager_and_one_with_tasks_does() throws Exception {
        long empty = plans.createPlan(null, "无任务分页测试" + SEQ.incrementAndGet(), "测试", null, units.resolve("临沧市").orElseThrow().id());
        mvc.perform(get("/supervision").param("planId", "" + empty).with(office())).andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("list-pager"))))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("共 0 条"))));
        warnings.recomputeAll(warnings.today());
        mvc.perform(get("/supervision").param("planId", demoPlan()).with(office())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("list-pager")));
    }

    @Test
    void the_nightly_reassessment_is_registered_with_the_cluster_safe_scheduler() {
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'recompute-warnings'",
                Integer.class)).isEqualTo(1);
    }

    private String demoPlan() {
        return String.valueOf(org.rectify.Demo.planId(plans));
    }

    private long taskId(String ref) {
        return jdbc.queryForObject("select t.id from task t join plan p on p.id = t.plan_id where t.ref = ? and p.title like '临沧市%'",
                Long.class, ref);
    }

    private long testPlan() {
        return plans.findByTitle("预警测试方案")
                .orElseGet(() -> plans.createPlan(null, "预警测试方案", "测试", null, units.resolve("临沧市").orElseThrow().id()));
    }

    private long newTask(LocalDate deadline) throws Exception {
        return newTask(testPlan(), deadline);
    }

    private long newTask(long plan, LocalDate deadline) throws Exception {
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "W%d", "text": "预警测试任务", "leadUnits": {"unitIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan, SEQ.incrementAndGet(), units.resolve("市环境保护局").orElseThrow().id(), deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void command(long id, String command) throws Exception {
        if (org.rectify.TestTasks.closureStep(mvc, id, command)) {
            return;
        }
        mvc.perform(post("/api/tasks/{id}/transitions", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"" + command + "\"}")).andExpect(status().isOk());
    }

    /**
     * Gives the command and asserts the level once every change of the task so far has been heard: listeners run
     * after the command's transaction commits, possibly on another thread.
     */
    private void heard(Scenario scenario, long id, String command, String expected) {
        scenario.stimulate(ClientRequest.sent(() -> {
                    command(id, command);
                    return id;
                }))
                .andWaitForStateChange(new EventsHandled(publications).about(id), Boolean.TRUE::equals)
                .andVerify(done -> assertThat(level(id)).isEqualTo(expected));
    }

    private String reasons(long id) {
        return jdbc.queryForObject("select reasons from task_warning where task_id = ?", String.class, id);
    }

    /** Until the pass waits to write a warning row (the blocker holds it), failing if the pass ends first. */
    private void awaitWriteWaiting(Future<Integer> pass) throws Exception {
        for (int i = 0; i < 600; i++) {
            assertThat(pass.isDone()).as("the pass waits for the locked row").isFalse();
            if (jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query ilike '%insert into%task_warning%'""", Integer.class) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pass never reached the locked row");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String level(long id) {
        return jdbc.queryForList("select level from task_warning where task_id = ?", String.class, id).stream()
                .findFirst().orElse("(not assessed)");
    }
}
