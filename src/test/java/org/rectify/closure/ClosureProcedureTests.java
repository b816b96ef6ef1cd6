package org.rectify.closure;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.Tasks;
import org.rectify.platform.WorkingCalendar;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The closure procedure through the API, on PostgreSQL: a task's whole way to CLOSED, the steps each stage refuses,
 * who may take which step, and two offices closing at once. The shared context's clock cannot move, so the end of a
 * notice period is reached by dating the period back in the database.
 */
@IntegrationTest
@EnableScenarios
class ClosureProcedureTests {

    /** One deliverable and the five default conditions. */
    private static final int ITEMS = 6;

    @Autowired
    MockMvc mvc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Tasks tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    SupervisionLedger supervision;

    @Test
    void a_task_is_closed_only_after_applying_failing_applying_again_passing_approval_and_a_notice_in_working_days(Scenario scenario)
            throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "销号流程测试方案");
        mvc.perform(put("/api/closures/settings/{id}", plan.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"conditions": ["整改措施已全部落实", "涉及的违法违规问题已依法查处", "整改效果达到整改目标和有关标准",
                         "已举一反三，同类问题一并整改", "已建立长效机制"], "headSignOff": false, "approver": "OFFICE",
                         "noticeDays": 5, "noticeDayCount": "WORKING_DAYS"}""")).andExpect(status().isOk());
        long task = plan.started("销号全流程", unit("市环境保护局"), LocalDate.now().plusMonths(2));
        mvc.perform(post("/api/supervision/ledger").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"专案盯办\"}".formatted(task))).andExpect(status().isCreated());
        ClosureFlow flow = new ClosureFlow(mvc);

        // an application without evidence stores nothing
        int evidence = count("select count(*) from evidence");
        flow.apply(epbStaff(), task, ITEMS, false).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请至少上传一份佐证材料。"));
        flow.apply(epbStaff(), task, ITEMS - 1, true).andExpect(status().isUnprocessableContent());
        assertThat(count("select count(*) from closure where task_id = " + task)).isZero();
        assertThat(count("select count(*) from evidence")).isEqualTo(evidence);
        // the office does not apply for its units
        flow.apply(office(), task, ITEMS, true).andExpect(status().isForbidden());

        long first = flow.applied(epbStaff(), task, ITEMS);
        assertThat(taskStatus(task)).isEqualTo(TaskStatus.CLOSURE_REQUESTED);
        onlyItsStepsAreTaken(flow, first);
        flow.assign(epbStaff(), first, null, true).andExpect(status().isForbidden());
        flow.approve(epbStaff(), first).andExpect(status().isForbidden()); // never theirs: 403 at any stage, not 409
        mvc.perform(get("/api/closures/{id}", first).with(linxiangStaff())).andExpect(status().isNotFound());
        flow.assign(office(), first, null, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptanceUnitName").value("临沧市"));
        onlyItsStepsAreTaken(flow, first);

        // only the acceptance unit verifies (here the city, whose office the office user is)
        flow.verify(epbStaff(), first, false, null).andExpect(status().isForbidden());
        byte[] photo = ExifJpeg.taken(LocalDateTime.of(2026, 11, 30, 10, 15), 23, 53, 24, 100, 5, 24);
        flow.verify(office(), first, false, photo).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RETURNED"))
                .andExpect(jsonPath("$.returnedReason").value("现场仍有违规堆放，整改不到位"))
                .andExpect(jsonPath("$.files[1].takenAt").value("2026-11-30T10:15:00"))
                .andExpect(jsonPath("$.files[1].latitude").value(23.89));
        assertThat(taskStatus(task)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(ledger.get(task, DataScope.ALL).history().get(0).reason()).isEqualTo("现场仍有违规堆放，整改不到位");
        onlyItsStepsAreTaken(flow, first);

        long second = flow.applied(epbStaff(), task, ITEMS);
        flow.assign(office(), second, null, false).andExpect(status().isOk());
        flow.verify(office(), second, true, photo).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("VERIFIED"));
        onlyItsStepsAreTaken(flow, second);
        flow.approve(epbStaff(), second).andExpect(status().isForbidden());
        LocalDate today = LocalDate.now(clock);
        flow.approve(office(), second).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("UNDER_NOTICE"))
                .andExpect(jsonPath("$.noticeUntil").value(calendar.periodEnd(today, 5, WorkingCalendar.DayCount.WORKING_DAYS).toString()));
        onlyItsStepsAreTaken(flow, second);
        flow.close(office(), second).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("公示期满后方可销号")));

        // the period ends; two offices close at once: one wins, the other is told who did
        jdbc.update("update closure set notice_until = current_date - 2 where id = ?", second);
        int version = flow.version(second);
        // the closing is heard by supervision: the task leaves the supervision ledger (挂账 until closed)
        scenario.stimulate(ClientRequest.sent(() -> closedAtOnce(second, version, office(), admin())))
                .andWaitForStateChange(() -> supervision.entries(true, DataScope.ALL).stream().filter(e -> e.taskId() == task)
                        .toList(), entries -> !entries.isEmpty() && entries.stream().allMatch(e -> e.resolvedAt() != null))
                .andVerify((entries, results) -> {
                    assertThat(results.stream().map(r -> r.getResponse().getStatus())).containsExactlyInAnyOrder(200, 409);
                    String closedBy = jdbc.queryForObject("select closed_by from closure where id = ?", String.class, second);
                    assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 409).singleElement()
                            .satisfies(refused -> assertThat((String) JsonPath.read(refused.getResponse()
                                    .getContentAsString(StandardCharsets.UTF_8), "$.detail")).contains(closedBy));
                });
        mvc.perform(get("/api/closures/{id}", second).with(epbStaff())).andExpect(jsonPath("$.stage").value("CLOSED"))
                .andExpect(jsonPath("$.number").value(matchesPattern("销号〔" + today.getYear() + "〕\\d+号")));
        assertThat(taskStatus(task)).isEqualTo(TaskStatus.CLOSED);
        assertThat(ledger.get(task, DataScope.ALL).history()).extracting(h -> h.action()).startsWith("CLOSE", "REQUEST_CLOSURE");
        mvc.perform(get("/api/closures/tasks/{id}", task).with(epbStaff())).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].stage").value("RETURNED"));
    }

    @Test
    void an_ongoing_task_is_never_closed_its_stage_goals_are_confirmed_with_the_same_form() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "销号流程测试方案");
        long task = plan.started("长期坚持的任务", unit("市环境保护局"), LocalDate.now().plusMonths(2));
        TestTasks.command(mvc, task, "MARK_ONGOING");
        ClosureFlow flow = new ClosureFlow(mvc);
        long id = flow.applied(epbStaff(), task, ITEMS);
        mvc.perform(get("/api/closures/{id}", id).with(office())).andExpect(jsonPath("$.kind").value("STAGE_CONFIRMATION"));
        flow.assign(office(), id, null, false).andExpect(status().isOk());
        flow.verify(office(), id, true, null).andExpect(status().isOk());
        flow.approve(office(), id).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("CONFIRMED"))
                .andExpect(jsonPath("$.noticeUntil").doesNotExist());
        assertThat(taskStatus(task)).isEqualTo(TaskStatus.ONGOING);
    }

    @Test
    void where_the_plan_says_so_the_unit_head_signs_off_before_the_office_sees_the_application() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "销号签发测试方案");
        mvc.perform(put("/api/closures/settings/{id}", plan.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"conditions\": [\"整改到位\"], \"headSignOff\": true, \"approver\": \"LEADER\", \"noticeDays\": 7, "
                        + "\"noticeDayCount\": \"CALENDAR_DAYS\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/closures/settings/{id}", plan.planId()).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"conditions\": [], \"noticeDays\": 0}")).andExpect(status().isNotFound());
        long task = plan.started("需签发的任务", unit("市环境保护局"), LocalDate.now().plusMonths(2));
        ClosureFlow flow = new ClosureFlow(mvc);
        long id = flow.applied(epbStaff(), task, 2);
        flow.assign(office(), id, null, false).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("待单位负责人签发")));
        flow.signOff(epbStaff(), id).andExpect(status().isForbidden());
        flow.signOff(as("epb-head"), id).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("APPLIED"));
        flow.assign(office(), id, null, false).andExpect(status().isOk());
        flow.verify(office(), id, true, null).andExpect(status().isOk());
        flow.approve(office(), id).andExpect(status().isForbidden()); // the plan names a leader
        flow.approve(as("leader"), id).andExpect(status().isOk()).andExpect(jsonPath("$.noticeUntil")
                .value(LocalDate.now(clock).plusDays(7).toString()));
    }

    @Test
    void every_illegal_task_command_is_refused_with_a_sentence_and_changes_nothing() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "销号流程测试方案");
        Map<TaskStatus, Long> inState = new java.util.EnumMap<>(TaskStatus.class);
        long unit = unit("市环境保护局");
        LocalDate due = LocalDate.now().plusMonths(2);
        inState.put(TaskStatus.DRAFT, plan.draft("草稿", unit, due));
        long assigned = plan.draft("已下达", unit, due);
        TestTasks.command(mvc, assigned, "ASSIGN");
        inState.put(TaskStatus.ASSIGNED, assigned);
        inState.put(TaskStatus.IN_PROGRESS, plan.started("整改中", unit, due));
        long requested = plan.started("申请中", unit, due);
        tasks.closureStep(requested, TaskCommand.REQUEST_CLOSURE, null, "测试");
        inState.put(TaskStatus.CLOSURE_REQUESTED, requested);
        long closed = plan.started("已销号", unit, due);
        tasks.closureStep(closed, TaskCommand.REQUEST_CLOSURE, null, "测试");
        tasks.closureStep(closed, TaskCommand.CLOSE, null, "测试");
        inState.put(TaskStatus.CLOSED, closed);
        long ongoing = plan.started("长期坚持", unit, due);
        TestTasks.command(mvc, ongoing, "MARK_ONGOING");
        inState.put(TaskStatus.ONGOING, ongoing);
        long reopened = plan.started("重新启动", unit, due);
        TestTasks.command(mvc, reopened, "MARK_ONGOING");
        TestTasks.command(mvc, reopened, "REOPEN");
        inState.put(TaskStatus.REOPENED, reopened);
        long cancelled = plan.draft("已撤销", unit, due);
        TestTasks.command(mvc, cancelled, "CANCEL");
        inState.put(TaskStatus.CANCELLED, cancelled);

        for (var entry : inState.entrySet()) {
            long id = entry.getValue();
            assertThat(taskStatus(id)).isEqualTo(entry.getKey());
            for (TaskCommand command : TaskCommand.values()) {
                if (command.allowedFrom(entry.getKey()) && !command.byClosureOnly()) {
                    continue;
                }
                String before = row(id);
                mvc.perform(post("/api/tasks/{id}/transitions", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"command\": \"%s\", \"reason\": \"测试\"}".formatted(command)))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.detail").value(matchesPattern(".+(不能执行|只能通过销号程序办理).+")));
                assertThat(row(id)).as(command + " on " + entry.getKey()).isEqualTo(before);
            }
        }
    }

    /** Both close the closure at the same version at once; their responses. */
    private List<MvcResult> closedAtOnce(long closure, int version, RequestPostProcessor... who) throws Exception {
        var pool = Executors.newFixedThreadPool(who.length);
        try {
            List<Future<MvcResult>> sent = new ArrayList<>();
            for (RequestPostProcessor one : who) {
                sent.add(pool.submit((Callable<MvcResult>) () -> mvc.perform(post("/api/closures/{id}/close", closure).with(one)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": %d}".formatted(version))).andReturn()));
            }
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> f : sent) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Every step the attempt's stage does not allow is refused with a sentence, and the attempt and task stay as they were. */
    private void onlyItsStepsAreTaken(ClosureFlow flow, long id) throws Exception {
        ClosureStage stage = ClosureStage.valueOf(jdbc.queryForObject("select stage from closure where id = ?", String.class, id));
        long task = jdbc.queryForObject("select task_id from closure where id = ?", Long.class, id);
        for (ClosureCommand command : ClosureCommand.values()) {
            if (command.allowedFrom(stage)) {
                continue;
            }
            String before = closureRow(id) + row(task);
            // 409 naming the stage; 403 for a step that is never the administrator's (a unit's sign-off), before the stage
            flow.take(admin(), id, command)
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(command + " at " + stage).isIn(403, 409))
                    .andExpect(jsonPath("$.detail").value(matchesPattern(".*不能.*执行.+")));
            assertThat(closureRow(id) + row(task)).as(command + " at " + stage).isEqualTo(before);
        }
    }

    private String closureRow(long id) {
        return jdbc.queryForObject("select c::text || (select count(*) from closure_verification where closure_id = c.id) "
                + "|| (select count(*) from closure_evidence where closure_id = c.id) from closure c where id = ?", String.class, id);
    }

    private String row(long task) {
        return jdbc.queryForObject("select t::text || (select count(*) from task_history where task_id = t.id) from task t where id = ?",
                String.class, task);
    }

    private TaskStatus taskStatus(long task) {
        return ledger.get(task, DataScope.ALL).status();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
