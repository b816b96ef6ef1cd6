package org.rectify.todo;

import com.jayway.jsonpath.JsonPath;
import org.rectify.units.Units;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A plan of the test's own, run by 临沧市, reported on by the unit head's approval, with a cycle due in ten days. */
final class TodoFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final MockMvc mvc;
    final Units units;
    final long planId;
    final long cycleId;

    private TodoFixture(MockMvc mvc, Units units, long planId, long cycleId) {
        this.mvc = mvc;
        this.units = units;
        this.planId = planId;
        this.cycleId = cycleId;
    }

    static TodoFixture plan(MockMvc mvc, Units units, LocalDate today) throws Exception {
        long planId = id(mvc.perform(post("/api/plans").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"待办测试方案 %d\"}".formatted(SEQ.incrementAndGet()))).andReturn());
        mvc.perform(put("/api/progress/plans/{id}/cadence", planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": true, "startsOn": "%s",
                         "customDueDates": ["%s", "%s"]}""".formatted(today.minusDays(20), today.plusDays(10), today.plusDays(40))))
                .andExpect(status().isOk());
        String cycles = mvc.perform(get("/api/progress/plans/{id}/cycles", planId).with(office())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new TodoFixture(mvc, units, planId, ((Number) JsonPath.read(cycles, "$[0].id")).longValue());
    }

    /** A fresh reference for a task of this run. */
    static String ref() {
        return "D" + SEQ.incrementAndGet();
    }

    /** An assigned task led by 市环境保护局. */
    long task(String ref) throws Exception {
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long id = id(mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                {"planId": %d, "ref": "%s", "title": "待办测试任务 %s", "text": "加强环境监测。", "leadUnits": {"unitIds": [%d]}}"""
                .formatted(planId, ref, ref, epb))).andExpect(status().isCreated()).andReturn());
        mvc.perform(post("/api/tasks/{id}/transitions", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"command\": \"ASSIGN\"}")).andExpect(status().isOk());
        return id;
    }

    static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
    }
}
