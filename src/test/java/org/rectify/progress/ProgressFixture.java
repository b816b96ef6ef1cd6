package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan of its own for each test, made through the API as the office would: tasks led by 市环境保护局 (and others),
 * and a custom cadence around today: a past cycle (its deadline and grace over), the current one (due in ten days)
 * and one that has not begun. (Public: other modules' tests put reports in through it.)
 */
public final class ProgressFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final MockMvc mvc;
    final Units units;
    final LocalDate today;
    final long planId;
    public long pastCycle;
    long currentCycle;
    long futureCycle;

    private ProgressFixture(MockMvc mvc, Units units, LocalDate today, long planId) {
        this.mvc = mvc;
        this.units = units;
        this.today = today;
        this.planId = planId;
    }

    /** A new plan run by 临沧市 with the cadence around today; {@code approval}: the unit head approves reports. */
    public static ProgressFixture plan(MockMvc mvc, Units units, LocalDate today, boolean approval) throws Exception {
        ProgressFixture f = bare(mvc, units, today);
        f.cadence(approval);
        return f;
    }

    /** A new plan run by 临沧市, without a cadence yet. */
    static ProgressFixture bare(MockMvc mvc, Units units, LocalDate today) throws Exception {
        MvcResult plan = mvc.perform(post("/api/plans").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"进展报送测试方案 %d\"}".formatted(SEQ.incrementAndGet())))
                .andExpect(status().isCreated()).andReturn();
        return new ProgressFixture(mvc, units, today, ((Number) JsonPath.read(body(plan), "$.id")).longValue());
    }

    void cadence(boolean approval) throws Exception {
        mvc.perform(put("/api/progress/plans/{id}/cadence", planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": %s, "startsOn": "%s",
                                 "customDueDates": ["%s", "%s", "%s"]}""".formatted(approval, today.minusDays(70),
                                today.minusDays(40), today.plusDays(10), today.plusDays(40))))
                .andExpect(status().isOk());
        MvcResult cycles = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/progress/plans/{id}/cycles", planId).with(office()))
                .andExpect(status().isOk()).andReturn();
        List<Number> ids = JsonPath.read(body(cycles), "$[*].id");
        pastCycle = ids.get(0).longValue();
        currentCycle = ids.get(1).longValue();
        futureCycle = ids.get(2).longValue();
    }

    long unit(String name) {
        return units.resolve(name).filter(UnitReference.OfUnit.class::isInstance).map(UnitReference::id).orElseThrow();
    }

    /** An assigned task led by the named units, supported by others, with an indicator and a yearly obligation. */
    long task(List<String> leads, List<String> supporting) throws Exception {
        return task(leads, supporting, "{\"subject\": \"局党组会议研究部署环境保护工作\", \"atLeast\": 4, \"per\": \"YEAR\"}");
    }

    /** An assigned task as {@link #task(List, List)}, with these obligations (JSON objects, comma-separated). */
    long task(List<String> leads, List<String> supporting, String obligations) throws Exception {
        String ref = "P" + SEQ.incrementAndGet();
        MvcResult created = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "%s", "title": "测试任务 %s", "text": "加强环境监测能力建设。",
                         "leadUnits": {"unitIds": [%s]}, "supportingUnits": {"unitIds": [%s]},
                         "indicators": [{"name": "监测达标率", "comparator": "AT_LEAST", "targetValue": 90, "unitOfMeasure": "%%"}],
                         "obligations": [%s]}"""
                        .formatted(planId, ref, ref, ids(leads), ids(supporting), obligations)))
                .andExpect(status().isCreated()).andReturn();
        long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
        transition(id, "ASSIGN");
        return id;
    }

    public long epbTask() throws Exception {
        return task(List.of("市环境保护局"), List.of("市财政局"));
    }

    void transition(long taskId, String command) throws Exception {
        if (org.rectify.TestTasks.closureStep(mvc, taskId, command)) {
            return;
        }
        String reason = command.equals("CANCEL") || command.equals("REOPEN") ? ", \"reason\": \"测试\"" : "";
        mvc.perform(post("/api/tasks/{id}/transitions", taskId).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"%s\"%s}".formatted(command, reason))).andExpect(status().isOk());
    }

    /** A report through the JSON API. */
    ResultActions report(RequestPostProcessor who, long taskId, long cycleId, String content, boolean submit) throws Exception {
        return mvc.perform(post("/api/progress/reports").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"cycleId\": %d, \"content\": %s, \"submit\": %s}".formatted(taskId, cycleId,
                        content, submit)));
    }

    /** A report with files through the multipart API. */
    ResultActions reportWithFiles(RequestPostProcessor who, long taskId, long cycleId, String content, boolean submit,
                                  MockMultipartFile... files) throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"taskId\": %d, \"cycleId\": %d, \"content\": %s, \"submit\": %s}".formatted(taskId, cycleId, content, submit)
                        .getBytes(StandardCharsets.UTF_8));
        var request = multipart("/api/progress/reports").file(report);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return mvc.perform(request.with(who));
    }

    public long submitted(RequestPostProcessor who, long taskId, long cycleId) throws Exception {
        return id(report(who, taskId, cycleId, content("本期完成监测站标准化建设方案的编制。"), true)
                .andExpect(status().isCreated()).andReturn());
    }

    static String content(String workDone) {
        return "{\"workDone\": \"%s\", \"phase\": \"IN_PROGRESS\", \"onSchedule\": true}".formatted(workDone);
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    static MockMultipartFile pdf(String name) {
        return file(name, ("%PDF-1.4\n% 测试佐证材料 " + SEQ.incrementAndGet() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(body(result), "$.id")).longValue();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String ids(List<String> names) {
        return names.stream().map(n -> String.valueOf(unit(n))).collect(Collectors.joining(", "));
    }
}
