package org.rectify.todo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The to-do (待办): the landing page after sign-in, each role's items from their sources, each one click from done. */
@IntegrationTest
class TodoTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    org.rectify.plans.Plans plans;
    @Autowired
    org.rectify.supervision.Warnings warnings;

    TodoFixture plan;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        today = LocalDate.now(clock);
        plan = TodoFixture.plan(mvc, units, today);
    }

    @Test
    void signing_in_lands_on_the_to_do_and_leaders_on_their_dashboard() throws Exception {
        mvc.perform(formLogin("/login").user("epb-staff").password("rectify-demo")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(epbStaff())).andExpect(redirectedUrl("/todo"));
        mvc.perform(get("/").with(office())).andExpect(redirectedUrl("/todo"));
        mvc.perform(get("/").with(as("leader"))).andExpect(redirectedUrl("/insight"));
        assertThat(page(office())).contains("id=\"dashboard-link\"");
        assertThat(page(epbStaff())).contains("id=\"todo-link\"").doesNotContain("id=\"dashboard-link\"");
    }

    @Test
    void a_report_waits_on_the_staff_then_on_the_head_then_on_the_staff_again_when_returned() throws Exception {
        String ref = TodoFixture.ref();
        long task = plan.task(ref);
        String staff = page(epbStaff());
        assertThat(item(staff, "10-write", ref)).contains("/progress/reports/new?taskId=" + task + "&amp;cycleId=" + plan.cycleId);
        assertThat(staff).contains("id=\"todo-count\"");

        long report = TodoFixture.id(mvc.perform(post("/api/progress/reports").with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"cycleId\": %d, \"content\": {\"workDone\": \"完成方案编制\", \"phase\": \"IN_PROGRESS\", \"onSchedule\": true}, \"submit\": true}"
                        .formatted(task, plan.cycleId))).andExpect(status().isCreated()).andReturn());
        assertThat(page(epbStaff())).doesNotContain("data-ref=\"" + ref + "\"");
        assertThat(item(page(as("epb-head")), "05-approve", ref)).contains("/progress/reports/" + report);

        mvc.perform(post("/api/progress/reports/{id}/approve", report).with(as("epb-head"))).andExpect(status().isOk());
        assertThat(page(as("epb-head"))).doesNotContain("data-ref=\"" + ref + "\"");
        mvc.perform(post("/api/progress/reports/{id}/return", report).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"请补充照片\"}")).andExpect(status().isOk());
        assertThat(item(page(epbStaff()), "20-returned", ref)).contains("/progress/reports/" + report);
    }

    @Test
    void notices_and_instructions_wait_on_the_lead_unit_until_answered() throws Exception {
        String ref = TodoFixture.ref();
        long task = plan.task(ref);
        long notice = TodoFixture.id(mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"demands\": \"请报送进展\", \"replyBy\": \"%s\"}".formatted(task, today.plusDays(5))))
                .andExpect(status().isCreated()).andReturn());
        long instruction = TodoFixture.id(mvc.perform(post("/api/supervision/instructions").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"text\": \"抓紧推进\", \"answerBy\": \"%s\"}".formatted(task, today.plusDays(7))))
                .andExpect(status().isCreated()).andReturn());
        String staff = page(epbStaff());
        assertThat(item(staff, "40-notices", ref)).contains("/supervision/notices/" + notice);
        assertThat(item(staff, "50-instructions", ref)).contains("/supervision/instructions#instruction-" + instruction);
        assertThat(page(as("linxiang-staff"))).doesNotContain("data-ref=\"" + ref + "\""); // not its task

        mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reply\": \"已报送\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/supervision/instructions/{id}/answer", instruction).with(epbStaff())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reply\": \"已落实\"}")).andExpect(status().isOk());
        String after = page(epbStaff());
        assertThat(after).doesNotContain("/supervision/notices/" + notice + "\"")
                .doesNotContain("#instruction-" + instruction + "\"");
    }

    @Test
    void the_office_is_shown_red_tasks_not_yet_on_the_ledger_and_english_reads_well() throws Exception {
        // a started task past its deadline is red, and not on the ledger
        org.rectify.TestTasks own = org.rectify.TestTasks.inPlan(mvc, plans, units, "待办红色预警测试方案 " + System.nanoTime());
        long red = own.started("逾期未完成的任务", units.resolve("市林业局").orElseThrow().id(), today.minusDays(5));
        warnings.recomputeAll(today);
        String ref = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/tasks/{id}", red).with(office())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8), "$.ref");
        // the to-do names the first suggestions in plan order (a province has thousands); the new one is among them all
        String suggestions = mvc.perform(get("/api/supervision/ledger/suggestions").param("size", "200").with(office()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.List<String> refs = com.jayway.jsonpath.JsonPath.read(suggestions, "$[*].ref");
        java.util.List<String> titles = com.jayway.jsonpath.JsonPath.read(suggestions, "$[*].title");
        assertThat(refs).contains(ref);
        assertThat(item(page(office()), "70-red", refs.get(0))).contains(titles.get(0));
        assertThat(page(office())).contains("红色预警尚未挂账");
        String english = mvc.perform(get("/todo").param("lang", "en").with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Red tasks not yet on the ledger").contains("Put on the ledger");
        mvc.perform(get("/todo").with(epbStaff())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(not(containsString("data-kind=\"70-red\""))));
    }

    @Test
    void the_demo_office_finds_the_closures_and_look_backs_that_wait_on_it() throws Exception {
        String office = page(office());
        // 五(二)2 passed verification: the office approves it; its lead unit has nothing to do on it
        assertThat(item(office, "35-closures", "五(二)2")).contains("/closure/");
        assertThat(page(epbStaff())).doesNotContain("data-kind=\"35-closures\"");
        // the look-back campaign's task not yet checked waits on the city office, the checking unit
        assertThat(item(office, "37-look-backs", "回3")).contains("/closure/look-backs/");
        // a leader of the same unit reads look-backs but does not record them: no "check" button on its to-do
        assertThat(page(as("leader"))).doesNotContain("data-kind=\"37-look-backs\"");
    }

    private String page(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/todo").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The item of this task in the group of this kind (fails when there is none). */
    private static String item(String page, String kind, String ref) {
        int group = page.indexOf("data-kind=\"" + kind + "\"");
        assertThat(group).as("group " + kind).isNotNegative();
        int next = page.indexOf("data-kind=", group + 1);
        String groupHtml = page.substring(group, next < 0 ? page.length() : next);
        int at = groupHtml.indexOf("data-ref=\"" + ref + "\"");
        assertThat(at).as(ref + " in " + kind).isNotNegative();
        int end = groupHtml.indexOf("</li>", at);
        return groupHtml.substring(at, end);
    }
}
