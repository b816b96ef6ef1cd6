package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An office hands its plan to an office of its subtree from the plans page (移交方案); the dashboard follows. */
@IntegrationTest
class PlanHandoverTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.rectify.audit.AuditLog auditLog;

    @Test
    void the_city_office_hands_its_plan_to_the_county_office_and_the_county_dashboard_counts_its_tasks() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "移交测试方案");
        long linxiang = units.resolve("临翔区").orElseThrow().id();
        tasks.started("移交任务一", units.resolve("市林业局").orElseThrow().id(), LocalDate.now().plusDays(40));
        tasks.started("移交任务二", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusDays(80));
        String before = dashboard("linxiang-office", tasks.planId());
        assertThat((Integer) JsonPath.read(before, "$.headline.total")).as("city departments' tasks, before").isZero();

        String page = page("/plans/" + tasks.planId() + "/owner", "office");
        assertThat(page).contains("移交方案").contains("移交测试方案").contains("临翔区</option>").contains("确认");
        assertThat(page("/plans", "office")).contains("/plans/" + tasks.planId() + "/owner");

        mvc.perform(post("/plans/{id}/owner", tasks.planId()).with(office()).with(csrf())
                        .param("ownerUnitId", String.valueOf(linxiang)).param("confirmed", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plans"))
                .andExpect(flash().attribute("flash", "已把“移交测试方案”移交给临翔区。"));
        assertThat(plans.ownerUnitId(tasks.planId())).contains(linxiang);
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        assertThat(jdbc.queryForList("select actor from audit_entry where object = ? and action = 'plan.ownerChanged'", String.class,
                "plan:" + tasks.planId())).containsExactly("演示·市督察整改办（临沧市）");
        String after = dashboard("linxiang-office", tasks.planId());
        assertThat((Integer) JsonPath.read(after, "$.headline.total")).as("the county office runs the plan now").isEqualTo(2);
    }

    @Test
    void a_hand_over_is_refused_without_confirmation_to_a_unit_without_an_office_and_outside_the_subtree() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "移交拒绝方案");
        long city = units.resolve("临沧市").orElseThrow().id();
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long linxiang = units.resolve("临翔区").orElseThrow().id();

        assertThat(refused(tasks.planId(), linxiang, false, "office")).contains("请先勾选确认，再移交方案。");
        assertThat(refused(tasks.planId(), epb, true, "office")).contains("“市环境保护局”没有整改办账号，不能负责方案。");
        assertThat(plans.ownerUnitId(tasks.planId())).contains(city);

        plans.changeOwner(tasks.planId(), linxiang, "测试");
        assertThat(refused(tasks.planId(), city, true, "linxiang-office")).contains("“临沧市”不在本辖区内");
        assertThat(plans.ownerUnitId(tasks.planId())).contains(linxiang);

        mvc.perform(get("/plans/{id}/owner", tasks.planId()).with(as("epb-staff"))).andExpect(status().is4xxClientError());
        mvc.perform(post("/plans/{id}/owner", tasks.planId()).with(as("epb-staff")).with(csrf())
                .param("ownerUnitId", String.valueOf(linxiang)).param("confirmed", "true")).andExpect(status().is4xxClientError());
    }

    @Test
    void in_english_a_refusal_is_in_english() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "移交英文方案");
        String page = mvc.perform(post("/plans/{id}/owner", tasks.planId()).with(office()).with(csrf()).header("Accept-Language", "en").param("lang", "en")
                        .param("ownerUnitId", String.valueOf(units.resolve("市环境保护局").orElseThrow().id())).param("confirmed", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("has no office account and cannot run a plan");
    }

    private String refused(long planId, long unitId, boolean confirmed, String login) throws Exception {
        return mvc.perform(post("/plans/{id}/owner", planId).with(as(login)).with(csrf())
                        .param("ownerUnitId", String.valueOf(unitId)).param("confirmed", String.valueOf(confirmed)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path, String login) throws Exception {
        return mvc.perform(get(path).with(as(login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String dashboard(String login, long planId) throws Exception {
        return mvc.perform(get("/api/insight?planId=" + planId).with(as(login))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
