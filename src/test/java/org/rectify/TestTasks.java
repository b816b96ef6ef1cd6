package org.rectify;

import com.jayway.jsonpath.JsonPath;
import org.rectify.access.DataScope;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.units.Units;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tasks of a test's own plan, made through the API as the office makes them: tests must not add tasks to the demo
 * plan, which other tests count.
 */
public final class TestTasks {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final MockMvc mvc;
    private final long planId;

    private TestTasks(MockMvc mvc, long planId) {
        this.mvc = mvc;
        this.planId = planId;
    }

    /** The plan of this title, run by 临沧市, made on first use. */
    public static TestTasks inPlan(MockMvc mvc, Plans plans, Units units, String title) {
        return new TestTasks(mvc, plans.findByTitle(title)
                .orElseGet(() -> plans.createPlan(null, title, "测试", null, units.resolve("临沧市").orElseThrow().id())));
    }

    public long planId() {
        return planId;
    }

    /** A draft task led by the unit, with milestones on the given dates (the last is its deadline). */
    public long draft(String title, long leadUnitId, LocalDate... milestones) throws Exception {
        String dates = Arrays.stream(milestones).map(d -> "{\"dueOn\": \"%s\", \"deliverable\": \"完成\"}".formatted(d))
                .collect(Collectors.joining(", "));
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "T%d", "title": "%s", "text": "%s",
                         "leadUnits": {"unitIds": [%d]}, "milestones": [%s]}"""
                        .formatted(planId, SEQ.incrementAndGet(), title, title, leadUnitId, dates)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A task led by several units (each its own lead unit), assigned and started. */
    public long startedLedBy(String title, java.util.List<Long> leadUnitIds, LocalDate... milestones) throws Exception {
        String dates = Arrays.stream(milestones).map(d -> "{\"dueOn\": \"%s\", \"deliverable\": \"完成\"}".formatted(d))
                .collect(Collectors.joining(", "));
        String units = leadUnitIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "T%d", "title": "%s", "text": "%s",
                         "leadUnits": {"unitIds": [%s]}, "milestones": [%s]}"""
                        .formatted(planId, SEQ.incrementAndGet(), title, title, units, dates)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        command(mvc, id, "ASSIGN");
        command(mvc, id, "START");
        return id;
    }

    /** A task assigned to the unit and started by it. */
    public long started(String title, long leadUnitId, LocalDate... milestones) throws Exception {
        long id = draft(title, leadUnitId, milestones);
        command(mvc, id, "ASSIGN");
        command(mvc, id, "START");
        return id;
    }

    /** A lifecycle command given by the office; a reason is given where one is needed. */
    public static void command(MockMvc mvc, long taskId, String command) throws Exception {
        if (closureStep(mvc, taskId, command)) {
            return;
        }
        mvc.perform(post("/api/tasks/{id}/transitions", taskId).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"%s\", \"reason\": \"测试\"}".formatted(command))).andExpect(status().isOk());
    }

    /**
     * REQUEST_CLOSURE, RETURN_CLOSURE and CLOSE are steps of the closure procedure, refused on the generic route; a test
     * that only needs a task in that state (not one about closing) takes the step through plans' API directly.
     * Returns false for any other command.
     */
    public static boolean closureStep(MockMvc mvc, long taskId, String command) {
        org.rectify.plans.TaskCommand step = org.rectify.plans.TaskCommand.valueOf(command);
        if (!step.byClosureOnly()) {
            return false;
        }
        mvc.getDispatcherServlet().getWebApplicationContext().getBean(org.rectify.plans.Tasks.class)
                .closureStep(taskId, step, step.needsReason() ? "测试" : null, "测试");
        return true;
    }

    /** The task's lead and supporting units replaced by the office through the API, the rest kept (its indicators go). */
    public static void reassign(MockMvc mvc, TaskLedger ledger, long id, List<Long> leads, List<Long> supporting)
            throws Exception {
        TaskDetail before = ledger.get(id, DataScope.ALL);
        mvc.perform(put("/api/tasks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "task": {"planId": %d, "ref": "%s", "title": "%s", "text": "%s",
                         "leadUnits": {"unitIds": %s}, "supportingUnits": {"unitIds": %s},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}}"""
                        .formatted(before.version(), before.planId(), before.ref(), before.title(), before.text(), leads,
                                supporting, before.deadline() == null ? LocalDate.now().plusMonths(6) : before.deadline())))
                .andExpect(status().isOk());
        TaskDetail after = ledger.get(id, DataScope.ALL);
        assertThat(after.leadUnits()).extracting(AssignedUnit::unitId).containsExactlyElementsOf(leads);
        assertThat(after.supportingUnits()).extracting(AssignedUnit::unitId).containsExactlyElementsOf(supporting);
    }
}
