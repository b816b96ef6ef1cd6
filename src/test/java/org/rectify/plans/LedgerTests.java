package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger of the demo plan as each kind of user sees it, through the API and the page. */
@IntegrationTest
class LedgerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    java.time.Clock clock;

    @Test
    void the_city_office_sees_all_22_tasks_of_the_lincang_plan() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "100").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(22))
                .andExpect(jsonPath("$.tasks[0].ref").value("二(一)"))
                .andExpect(jsonPath("$.tasks[0].title").value("强化决策部署"))
                .andExpect(jsonPath("$.tasks[0].leadUnits").value(hasItems("市委办公室", "市政府办公室", "各县区党委", "各县区政府")))
                .andExpect(jsonPath("$.tasks[21].ref").value("七"));
    }

    @Test
    void a_city_department_sees_only_the_tasks_it_leads_or_supports() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "100").with(epbStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItems("三(三)", "三(四)", "五(四)", "二(二)")))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("二(一)"))))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("四(一)"))));
    }

    @Test
    void a_county_government_sees_the_tasks_given_to_all_county_governments_and_to_it_by_name() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "100").with(linxiangStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItems("二(一)", "四(一)", "五(三)1", "六")))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("二(三)1"))))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("五(四)"))));
    }

    @Test
    void a_county_office_sees_its_county_not_the_city_departments_own_tasks() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "100").with(as("linxiang-office")))
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItems("二(一)", "五(三)1")))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("三(四)"))));
    }

    @Test
    void filtering_by_section_keeps_the_section_and_its_items() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("section", "二").with(office()))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItems("二(一)", "二(二)", "二(三)1", "二(三)2")));
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("section", "四(二)").with(office()))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void filtering_by_lead_unit_includes_its_sub_units() throws Exception {
        long county = unitId("临翔区");
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("leadUnitId", String.valueOf(county)).param("size", "100").with(office()))
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItems("二(一)", "五(三)1")))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("四(四)")))); // county governments only support 四(四)
    }

    @Test
    void free_text_finds_chinese_words_in_title_text_and_measures() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("q", "绿地率").with(office()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].ref").value("四(一)"));
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("q", "100%_no_such").with(office()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void filtering_by_deadline_range_and_sorting_by_deadline() throws Exception {
        // the demo lays the seed's dates onto today: 六 (2019年前, read as the end of 2018) falls due weeks ago,
        // 四(一)'s last milestone (2020) in more than a year
        String byThisMonth = java.time.LocalDate.now(clock).plusMonths(1).toString();
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("deadlineTo", byThisMonth).param("sort", "DEADLINE").param("size", "100").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].ref").value(hasItem("六")))
                .andExpect(jsonPath("$.tasks[*].ref").value(not(hasItem("四(一)"))));
    }

    @Test
    void pages_are_stable_and_sized_as_asked() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "5").param("page", "1").with(office()))
                .andExpect(jsonPath("$.tasks.length()").value(5))
                .andExpect(jsonPath("$.tasks[0].ref").value("三(二)"))
                .andExpect(jsonPath("$.total").value(22));
    }

    @Test
    void the_ledger_page_shows_the_tasks_in_chinese_by_default_and_in_english_on_request() throws Exception {
        mvc.perform(get("/tasks").param("planId", demoPlan()).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整改台账")))
                .andExpect(content().string(containsString("强化决策部署")))
                .andExpect(content().string(containsString("共 22 项")));
        mvc.perform(get("/tasks").param("planId", demoPlan()).param("lang", "en").with(office()))
                .andExpect(content().string(containsString("Rectification ledger")))
                .andExpect(content().string(containsString("22 tasks")));
    }

    @Test
    void an_htmx_filter_request_gets_only_the_results() throws Exception {
        mvc.perform(get("/tasks").param("planId", demoPlan()).param("q", "绿地率").header("HX-Request", "true").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ledger-results")))
                .andExpect(content().string(not(containsString("navbar"))))
                .andExpect(content().string(containsString("开展全民绿化、全面绿化")));
    }

    @Autowired
    org.rectify.units.Units units;
    @Autowired
    Plans plans;

    /** The demo plan: other tests add tasks to plans of their own, never to this one. */
    private String demoPlan() {
        return String.valueOf(org.rectify.Demo.planId(plans));
    }

    private long unitId(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
