package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 批示 answered by the lead units and shown on the leader's page; 约谈问责 seen only by those it is for. */
@IntegrationTest
class InstructionsAndAccountabilityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Warnings warnings;
    @Autowired
    Plans plans;
    @Autowired
    Units units;

    @Test
    void a_leaders_instruction_waits_on_the_leaders_page_until_the_lead_unit_answers() throws Exception {
        long task = ownTask("市环境保护局"); // no county's: 临翔区 answers nothing
        String id = instruct(task, "监测网络建设要加快，月底前报进展。", as("leader")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long instruction = ((Number) JsonPath.read(id, "$.id")).longValue();
        mvc.perform(get("/supervision/instructions").with(as("leader")))
                .andExpect(content().string(containsString("监测网络建设要加快")))
                .andExpect(content().string(containsString("请于")));
        // the lead unit's answer box: under the instruction on a phone, the button below it (beside it the box was a third)
        assertThat(mvc.perform(get("/supervision/instructions").with(as("epb-staff"))).andReturn().getResponse().getContentAsString())
                .containsPattern("<form class=\"d-flex flex-column flex-sm-row gap-2 instruction-answer\"\\s+action=\"/supervision/instructions/"
                        + instruction + "/answer\"");
        mvc.perform(post("/api/supervision/instructions/{id}/answer", instruction).with(as("linxiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reply\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/instructions/{id}/answer", instruction).param("answer", "已部署，月底报送")
                .with(as("epb-staff")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/supervision/instructions").with(as("leader")))
                .andExpect(jsonPath("$[?(@.id == " + instruction + ")].answerText").value(hasItem("已部署，月底报送")));
    }

    @Test
    void only_leaders_give_instructions_and_a_date_in_the_past_is_refused() throws Exception {
        long task = ownTask("市环境保护局");
        instruct(task, "x", office()).andExpect(status().isForbidden());
        instruct(task, "x", as("epb-head")).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/instructions").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"text\": \"x\", \"answerBy\": \"2018-01-01\"}".formatted(task)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.answerBy").value("答复期限应晚于今天。"));
    }

    @Test
    void a_summons_is_recorded_by_the_supervision_office_and_seen_by_leaders_but_not_by_units() throws Exception {
        long task = ownTask("市林业局");
        String ref = jdbc.queryForObject("select ref from task where id = ?", String.class, task);
        long unit = units.resolve("市林业局").orElseThrow().id();
        mvc.perform(post("/api/supervision/accountability").with(as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "SUMMONS", "unitId": %d, "personName": "测试对象", "personPost": "局长",
                                 "takenOn": "%s", "reason": "绿化整改逾期", "decisionRef": "临督约〔2018〕1号", "taskIds": [%d]}"""
                                .formatted(unit, warnings.today(), task)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/supervision/accountability").with(as("leader")))
                .andExpect(jsonPath("$[*].reason").value(hasItem("绿化整改逾期")))
                .andExpect(jsonPath("$[?(@.reason == '绿化整改逾期')].tasks[0].ref").value(hasItem(ref)));
        mvc.perform(get("/supervision/accountability").with(as("leader")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("临督约〔2018〕1号")))
                .andExpect(content().string(not(containsString("登记约谈问责"))));
        mvc.perform(get("/api/supervision/accountability").with(as("epb-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/accountability").with(as("linxiang-staff"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/accountability").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"SUMMONS\", \"unitId\": %d, \"takenOn\": \"%s\", \"reason\": \"x\"}"
                        .formatted(unit, warnings.today()))).andExpect(status().isForbidden());
    }

    @Test
    void an_action_without_whom_or_reason_is_refused_on_the_form_with_the_input_kept() throws Exception {
        mvc.perform(post("/supervision/accountability").param("type", "ADMONITION").param("decisionRef", "保留的文号")
                        .param("takenOn", warnings.today().toString()).with(office()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择单位或填写人员。")))
                .andExpect(content().string(containsString("请填写事由。")))
                .andExpect(content().string(containsString("保留的文号")));
    }

    private ResultActions instruct(long task, String text, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/supervision/instructions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"text\": \"%s\", \"answerBy\": \"%s\"}".formatted(task, text, warnings.today().plusDays(10))));
    }

    /**
     * A started task of the tests' own plan led by the unit: instructions and summonses on demo tasks would change
     * what other tests read of the demo.
     */
    private long ownTask(String leadUnit) throws Exception {
        return TestTasks.inPlan(mvc, plans, units, "批示问责测试方案").started("批示问责测试任务",
                units.resolve(leadUnit).orElseThrow().id(), warnings.today().plusMonths(6));
    }
}
