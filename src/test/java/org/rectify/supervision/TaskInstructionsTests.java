package org.rectify.supervision;

import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A leader instructs (批示) from the task's page; the panel shows the instruction and, later, its answer. */
@IntegrationTest
@EnableScenarios
class TaskInstructionsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_leader_instructs_from_the_task_page_and_the_lead_unit_is_told_and_answers(Scenario scenario) throws Exception {
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long task = TestTasks.inPlan(mvc, plans, units, "批示测试方案").started("批示面板测试任务", epb, LocalDate.now().plusDays(60));
        mvc.perform(get("/tasks/{id}", task).with(as("leader")))
                .andExpect(content().string(containsString("/supervision/tasks/%d/instructions".formatted(task))));
        mvc.perform(get("/supervision/tasks/{id}/instructions", task).with(as("leader")))
                .andExpect(content().string(containsString("id=\"give-instruction\"")))
                .andExpect(content().string(containsString("本任务暂无领导批示。")));
        mvc.perform(get("/supervision/tasks/{id}/instructions", task).with(epbStaff()))
                .andExpect(content().string(not(containsString("id=\"give-instruction\""))));

        mvc.perform(get("/supervision/instructions/new").param("taskId", String.valueOf(task)).param("back", "task").with(as("leader")))
                .andExpect(content().string(containsString("name=\"back\" value=\"task\"")));
        scenario.stimulate(ClientRequest.sent(() -> give(task, "请于月底前完成监测站建设")))
                .andWaitForStateChange(() -> jdbc.queryForList("select m.link from inbox_message m join account a"
                        + " on a.id = m.account_id where a.username = 'epb-staff' and m.dedupe_key = ?", String.class,
                        "instruction:" + jdbc.queryForObject("select id from leader_instruction where task_id = ?",
                                Long.class, task)), links -> !links.isEmpty())
                .andVerify(links -> assertThat(links).containsExactly("/supervision/instructions#instruction-"
                        + jdbc.queryForObject("select id from leader_instruction where task_id = ?", Long.class, task)));
        mvc.perform(get("/supervision/tasks/{id}/instructions", task).with(epbStaff()))
                .andExpect(content().string(containsString("请于月底前完成监测站建设")))
                .andExpect(content().string(containsString("演示·分管副市长")));

        long instruction = jdbc.queryForObject("select id from leader_instruction where task_id = ?", Long.class, task);
        mvc.perform(post("/supervision/instructions/{id}/answer", instruction).with(epbStaff()).with(csrf())
                .param("answer", "已部署，月底前完成")).andExpect(redirectedUrl("/supervision/instructions"));
        mvc.perform(get("/supervision/tasks/{id}/instructions", task).with(as("leader")))
                .andExpect(content().string(containsString("已部署，月底前完成")));
    }

    private long give(long task, String text) throws Exception {
        mvc.perform(post("/supervision/instructions").with(as("leader")).with(csrf()).param("taskId", String.valueOf(task))
                        .param("text", text).param("answerBy", warnings.today().plusDays(7).toString())
                        .param("back", "task"))
                .andExpect(redirectedUrl("/tasks/" + task));
        return task;
    }
}
