package org.rectify.todo;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The unit head approves several reports from the to-do list at once; each is approved, or refused, on its own. */
@IntegrationTest
class BatchApprovalTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    @Test
    void the_head_approves_the_ticked_reports_and_one_already_approved_is_refused_without_undoing_the_others() throws Exception {
        TodoFixture plan = TodoFixture.plan(mvc, units, LocalDate.now(clock));
        long first = report(plan, plan.task(TodoFixture.ref()));
        long second = report(plan, plan.task(TodoFixture.ref()));
        long approved = report(plan, plan.task(TodoFixture.ref()));
        mvc.perform(post("/api/progress/reports/{id}/approve", approved).with(as("epb-head"))).andExpect(status().isOk());

        String todo = mvc.perform(get("/todo").with(as("epb-head"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(todo).contains("id=\"approve-batch\"").contains("name=\"reportId\" value=\"" + first + "\"");

        String page = mvc.perform(post("/progress/reports/batch-approve").with(as("epb-head")).with(csrf())
                        .param("reportId", String.valueOf(first), String.valueOf(approved), String.valueOf(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("批量操作：审核通过").contains("完成 2 项，未完成 1 项。");
        assertThat(page.indexOf("data-outcome=\"REFUSED\"")).isGreaterThan(page.indexOf("data-id=\"" + approved + "\""));
        for (long id : new long[]{first, second}) {
            mvc.perform(get("/api/progress/reports/{id}", id).with(as("epb-head"))).andExpect(jsonPath("$.report.status").value("SUBMITTED"));
        }
        // staff may not approve: every report refused, none approved; a county's staff does not see them at all
        long third = report(plan, plan.task(TodoFixture.ref()));
        mvc.perform(post("/api/progress/reports/batch-approve").with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportIds\": [%d]}".formatted(third)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].outcome").value("REFUSED"));
        mvc.perform(post("/api/progress/reports/batch-approve").with(linxiangStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportIds\": [%d]}".formatted(third))).andExpect(status().isNotFound());
        mvc.perform(get("/api/progress/reports/{id}", third).with(as("epb-head"))).andExpect(jsonPath("$.report.status").value("AWAITING_APPROVAL"));
    }

    private long report(TodoFixture plan, long task) throws Exception {
        return TodoFixture.id(mvc.perform(post("/api/progress/reports").with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"cycleId\": %d, \"content\": {\"workDone\": \"完成方案编制\", \"phase\": \"IN_PROGRESS\", \"onSchedule\": true}, \"submit\": true}"
                        .formatted(task, plan.cycleId))).andExpect(status().isCreated()).andReturn());
    }
}
