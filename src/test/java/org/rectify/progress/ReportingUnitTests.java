package org.rectify.progress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.progress.ProgressFixture.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which lead unit a first report is written for, and that its answer names it: the caller's own unit (taken from what
 * the request read already, not read from the units, issue 14) or another lead unit within the caller's unit (read).
 */
@IntegrationTest
class ReportingUnitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    ProgressFixture plan;

    @BeforeEach
    void plan() throws Exception {
        plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
    }

    @Test
    void a_unit_reports_for_itself_unless_it_names_a_lead_unit_below_it_and_the_answer_names_the_unit_reported_for()
            throws Exception {
        long county = plan.unit("临翔区政府");
        long below = plan.unit("临翔区环境保护局");
        long both = plan.task(List.of("临翔区政府", "临翔区环境保护局"), List.of());
        // no unit named: the caller's own, a lead unit of the task
        report(linxiangStaff(), both, null, "本级进展").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(county)).andExpect(jsonPath("$.unitName").value("临翔区政府"));
        // the lead unit below it, named: its own report, not the county's
        report(linxiangStaff(), both, below, "下级进展").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(below)).andExpect(jsonPath("$.unitName").value("临翔区环境保护局"));
        // its own unit named: the same as none (the cycle has the county's report already)
        report(linxiangStaff(), both, county, "再报").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("临翔区政府")));
        // a task led by the unit below only: reported for it without naming it
        long belowOnly = plan.task(List.of("临翔区环境保护局"), List.of());
        report(linxiangStaff(), belowOnly, null, "代下级填报").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(below)).andExpect(jsonPath("$.unitName").value("临翔区环境保护局"));
        // a city department naming itself
        long epbTask = plan.epbTask();
        report(epbStaff(), epbTask, plan.unit("市环境保护局"), "本局进展").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("市环境保护局"));
    }

    @Test
    void a_unit_cannot_report_for_a_lead_unit_outside_it_nor_for_a_unit_that_does_not_lead_the_task() throws Exception {
        long task = plan.task(List.of("市环境保护局", "临翔区政府"), List.of("市财政局"));
        report(epbStaff(), task, plan.unit("临翔区政府"), "代报").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("您只能为本单位及下级单位填报。"));
        report(epbStaff(), task, plan.unit("市财政局"), "代报").andExpect(status().isUnprocessableContent());
        // and the county's staff for the city department
        report(linxiangStaff(), task, plan.unit("市环境保护局"), "代报").andExpect(status().isForbidden());
        // each for itself
        report(epbStaff(), task, null, "本局进展").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("市环境保护局"));
        report(linxiangStaff(), task, null, "本级进展").andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("临翔区政府"));
    }

    private ResultActions report(RequestPostProcessor who, long taskId, Long unitId, String workDone) throws Exception {
        return mvc.perform(post("/api/progress/reports").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"cycleId\": %d, \"unitId\": %s, \"content\": %s, \"submit\": true}"
                        .formatted(taskId, plan.currentCycle, unitId, content(workDone))));
    }
}
