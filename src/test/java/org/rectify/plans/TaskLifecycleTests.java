package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A task's life through the API: every command recorded, every refusal leaving the task as it was. */
@IntegrationTest
@RecordApplicationEvents
class TaskLifecycleTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Tasks tasks;

    @Test
    void a_task_goes_from_draft_to_closed_and_its_history_names_every_step() throws Exception {
        long id = newTask();
        command(id, "ASSIGN", null, office()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));
        command(id, "START", null, epbStaff()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        // the closure steps are the closure procedure's (ClosureProcedureTests walks it); here plans' API directly
        tasks.closureStep(id, TaskCommand.REQUEST_CLOSURE, null, "演示·市环保局经办人（市环境保护局）");
        tasks.closureStep(id, TaskCommand.CLOSE, null, "演示·市督察整改办（临沧市）");

        TaskDetail task = ledger.get(id, DataScope.ALL);
        assertThat(task.status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(task.history()).extracting(TaskHistoryEntry::action)
                .containsExactly("CLOSE", "REQUEST_CLOSURE", "START", "ASSIGN", "CREATED");
        assertThat(task.history().get(2).actor()).contains("市环保局经办人");
        assertThat(events.stream(TaskTransitioned.class).filter(e -> e.taskId() == id))
                .extracting(TaskTransitioned::to)
                .containsExactly(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.CLOSURE_REQUESTED, TaskStatus.CLOSED);
    }

    @Test
    void an_illegal_transition_is_refused_with_409_and_changes_nothing() throws Exception {
        long id = newTask();
        command(id, "START", null, office())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("任务当前状态为“草稿”，不能执行“开始整改”。"));
        TaskDetail task = ledger.get(id, DataScope.ALL);
        assertThat(task.status()).isEqualTo(TaskStatus.DRAFT);
        assertThat(task.version()).isZero();
        assertThat(task.history()).hasSize(1);
    }

    @Test
    void the_refusal_speaks_english_to_an_english_user() throws Exception {
        long id = newTask();
        mvc.perform(post("/api/tasks/{id}/transitions", id).with(office()).header("Accept-Language", "en")
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"command\":\"START\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The task is \"Draft\": it cannot \"Start\"."));
    }

    @Test
    void cancelling_without_a_reason_is_refused_and_with_one_it_is_recorded() throws Exception {
        long id = newTask();
        command(id, "CANCEL", " ", office())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.reason").value("此操作需要填写理由。"));
        assertThat(ledger.get(id, DataScope.ALL).status()).isEqualTo(TaskStatus.DRAFT);
        command(id, "CANCEL", "与二(一)重复", office()).andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(ledger.get(id, DataScope.ALL).history().get(0).reason()).isEqualTo("与二(一)重复");
    }

    @Test
    void nobody_closes_a_task_on_the_generic_route_the_closure_procedure_does() throws Exception {
        long id = newTask();
        command(id, "ASSIGN", null, office());
        command(id, "START", null, epbStaff());
        for (var who : java.util.List.of(epbStaff(), office(), org.rectify.DemoLogins.admin())) {
            for (String step : java.util.List.of("REQUEST_CLOSURE", "RETURN_CLOSURE", "CLOSE")) {
                command(id, step, "理由", who).andExpect(status().isConflict())
                        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("只能通过销号程序办理")));
            }
        }
        TaskDetail task = ledger.get(id, DataScope.ALL);
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.history()).hasSize(3);
    }

    @Test
    void a_supporting_unit_cannot_start_the_task() throws Exception {
        long id = org.rectify.Demo.taskId(ledger, plans, "二(二)"); // 市环境保护局 only supports it
        command(id, "START", null, epbStaff()).andExpect(status().isForbidden());
    }

    @Test
    void a_task_cannot_be_assigned_without_a_lead_unit() throws Exception {
        long id = createTask("""
                {"planId": %d, "ref": "%s", "text": "无责任单位的任务"}""".formatted(planId(), "T" + SEQ.incrementAndGet()));
        command(id, "ASSIGN", null, office()).andExpect(status().isUnprocessableContent());
        assertThat(ledger.get(id, DataScope.ALL).status()).isEqualTo(TaskStatus.DRAFT);
    }

    @Test
    void two_people_editing_at_once_cannot_overwrite_each_other() throws Exception {
        long id = newTask();
        String edit = """
                {"version": 0, "task": {"planId": %d, "ref": "%s", "title": "%s", "text": "任务内容",
                 "leadUnits": {"unitIds": [%d]}}}""";
        String ref = ledger.get(id, DataScope.ALL).ref();
        mvc.perform(put("/api/tasks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted(planId(), ref, "第一个人的标题", epb())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/tasks/{id}", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted(planId(), ref, "第二个人的标题", epb())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("演示·市督察整改办")))
                .andExpect(jsonPath("$.detail").value(containsString("标题")));
        assertThat(ledger.get(id, DataScope.ALL).title()).isEqualTo("第一个人的标题");
    }

    @Test
    void a_new_task_keeps_its_milestones_indicators_obligations_and_responsible_person() throws Exception {
        String ref = "T" + SEQ.incrementAndGet();
        long id = createTask("""
                {"planId": %d, "ref": "%s", "title": "城市绿化", "text": "到2020年绿地率达到36%%以上",
                 "leadUnits": {"unitIds": [%d], "groupIds": []},
                 "responsible": {"name": "测试责任人", "post": "局长", "unitId": %d, "phone": "0883-0000000"},
                 "milestones": [{"dueOn": "2018-12-31", "deliverable": "申报国家园林城市", "phrase": "2018年"},
                                {"dueOn": "2020-12-31", "deliverable": "绿地率达标", "phrase": "到2020年"}],
                 "indicators": [{"name": "绿地率", "comparator": "AT_LEAST", "targetValue": 36, "unitOfMeasure": "%%",
                                 "dueOn": "2020-12-31"}],
                 "obligations": [{"subject": "研究部署环境保护工作", "atLeast": 4, "per": "YEAR", "startsOn": "2017-01-01"}],
                 "ongoing": true}""".formatted(planId(), ref, epb(), epb()));
        TaskDetail task = ledger.get(id, DataScope.ALL);
        assertThat(task.deadline()).hasToString("2020-12-31");
        assertThat(task.milestones()).extracting(Milestone::deliverable).containsExactly("申报国家园林城市", "绿地率达标");
        assertThat(task.indicators().get(0).targetValue()).isEqualByComparingTo("36");
        assertThat(task.obligations().get(0).per()).isEqualTo(Obligation.Period.YEAR);
        assertThat(task.responsible().name()).isEqualTo("测试责任人");
        assertThat(task.leadUnitNames()).containsExactly("市环境保护局");
        assertThat(task.ongoing()).isTrue();
    }

    @Test
    void a_task_with_a_missing_text_or_a_taken_reference_is_refused_at_its_fields() throws Exception {
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planId\": %d, \"ref\": \"二(一)\", \"text\": \"\"}".formatted(planId())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.text").value("请填写任务内容。"));
        String ref = ledger.get(newTask(), DataScope.ALL).ref();
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planId\": %d, \"ref\": \"%s\", \"text\": \"重复\"}".formatted(planId(), ref)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.ref").value("本方案中已有编号为“" + ref + "”的任务。"));
    }

    @Test
    void malformed_json_is_a_422_not_a_500() throws Exception {
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("{\"planId\": "))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/tasks/{id}/transitions", newTask()).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"command\": \"FLY\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    private long newTask() throws Exception {
        return createTask("""
                {"planId": %d, "ref": "%s", "text": "测试任务", "leadUnits": {"unitIds": [%d]}}"""
                .formatted(planId(), "T" + SEQ.incrementAndGet(), epb()));
    }

    private long createTask(String json) throws Exception {
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private org.springframework.test.web.servlet.ResultActions command(long id, String command, String reason,
                                                                       RequestPostProcessor who) throws Exception {
        String json = reason == null ? "{\"command\":\"%s\"}".formatted(command)
                : "{\"command\":\"%s\",\"reason\":\"%s\"}".formatted(command, reason);
        return mvc.perform(post("/api/tasks/{id}/transitions", id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The tests' own plan, so the demo plan keeps its 22 tasks for the other tests. */
    private long planId() throws Exception {
        if (testPlan == null) {
            String body = mvc.perform(post("/api/plans").with(office()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\": \"生命周期测试方案\", \"issuingBody\": \"测试\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            testPlan = ((Number) JsonPath.read(body, "$.id")).longValue();
        }
        return testPlan;
    }

    private static Long testPlan;

    private long epb() {
        return units.resolve("市环境保护局").orElseThrow().id();
    }
}
