package org.rectify.demo;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.rectify.progress.ReportingCycle;
import org.rectify.progress.ReportingCycles;
import org.rectify.supervision.Reminders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fresh demo is a plan in mid-flight, whatever the day it was loaded: what a newcomer sees on each page. */
@IntegrationTest
class DemoInMidFlightTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    ReportingCycles cycles;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @Test
    void the_plan_started_months_ago_and_ends_after_next_year_with_the_seeds_dates_moved_in_order() {
        LocalDate today = Demo.loadedOn(jdbc, clock);
        List<LocalDate> deadlines = jdbc.queryForList("""
                select m.due_on from milestone m join task t on t.id = m.task_id where t.plan_id = ? order by m.due_on""",
                LocalDate.class, planId());
        assertThat(deadlines).isNotEmpty().allMatch(d -> d.getYear() > 2024); // no longer the seed's 2017–2020
        assertThat(deadlines).anyMatch(d -> d.isBefore(today)).anyMatch(d -> d.isAfter(today.plusMonths(12)));
        // 2018年底前 of the seed lands about 8 months into the plan: weeks behind today
        assertThat(jdbc.queryForList("""
                select m.due_on from milestone m join task t on t.id = m.task_id where t.plan_id = ? and m.phrase = '2018年底前'""",
                LocalDate.class, planId())).allMatch(d -> d.isBefore(today) && d.isAfter(today.minusMonths(2)));
    }

    @Test
    void the_last_cycle_shows_reports_on_time_late_missing_and_returned() throws Exception {
        ReportingCycle last = cycles.cycles(planId()).stream().filter(c -> c.dueOn().isBefore(Demo.loadedOn(jdbc, clock)))
                .reduce((a, b) -> b).orElseThrow();
        String matrix = matrix(last);
        List<String> states = JsonPath.read(matrix, "$.rows[*].cells[*].status.state");
        assertThat(states).contains("SUBMITTED", "LATE", "RETURNED");
        List<Integer> lateSubmitted = JsonPath.read(matrix, "$.rows[*].cells[?(@.status.state == 'SUBMITTED')].status.daysLate");
        assertThat(lateSubmitted).contains(0).anyMatch(days -> days > 0);
    }

    @Test
    void reports_were_approved_by_their_unit_head_corrected_after_a_return_and_carry_evidence_files() {
        assertThat(count("select count(*) from report_event e join progress_report r on r.id = e.report_id "
                + "join task t on t.id = r.task_id where t.plan_id = ? and e.action = 'APPROVED'")).isPositive();
        assertThat(count("select count(*) from progress_report r join task t on t.id = r.task_id "
                + "where t.plan_id = ? and r.version = 2 and r.status = 'SUBMITTED'")).isPositive();
        assertThat(count("select count(*) from report_attachment a join progress_report r on r.id = a.report_id "
                + "join task t on t.id = r.task_id where t.plan_id = ? and a.evidence_id is not null")).isPositive();
    }

    @Test
    void the_current_cycle_is_due_in_three_days_so_this_mornings_reminders_are_due() throws Exception {
        LocalDate today = Demo.loadedOn(jdbc, clock);
        ReportingCycle current = cycles.current(planId()).orElseThrow();
        assertThat(current.dueOn()).isEqualTo(today.plusDays(3));
        assertThat(reminders.schedule().stage(current.dueOn(), today)).contains(-3);
        List<String> states = JsonPath.read(matrix(current), "$.rows[*].cells[*].status.state");
        assertThat(states).contains("MISSING", "DRAFT", "SUBMITTED", "AWAITING_APPROVAL");
        // 市环保局's head finds its staff's report waiting for approval
        String due = mvc.perform(get("/api/progress/due").param("planId", String.valueOf(planId())).with(as("epb-head")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(due).contains("AWAITING_APPROVAL");
    }

    @Test
    void tasks_stand_in_every_state_and_several_warning_levels() throws Exception {
        assertThat(jdbc.queryForList("select distinct status from task where plan_id = ?", String.class, planId()))
                .contains("ASSIGNED", "IN_PROGRESS", "CLOSURE_REQUESTED", "CLOSED", "ONGOING", "REOPENED");
        // the desk pages, most urgent first: the levels from its counts, the reasons from its largest page
        String desk = mvc.perform(get("/api/supervision/warnings").param("size", "200").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String level : List.of("RED", "YELLOW", "BLUE")) {
            assertThat(JsonPath.<Integer>read(desk, "$.counts." + level)).as(level).isPositive();
        }
        List<String> reasons = JsonPath.read(desk, "$.warnings[*].reasons[*]");
        assertThat(reasons).contains("OVERDUE", "RELAPSED", "REPORT_MISSING", "NOTICE_UNANSWERED");
    }

    @Test
    void supervision_has_its_own_story_a_published_circular_notices_answered_and_not_an_instruction_and_a_summons()
            throws Exception {
        String circulars = body("/api/supervision/circulars", "epb-staff"); // published: everyone reads it
        assertThat(JsonPath.<List<String>>read(circulars, "$[*].status")).contains("PUBLISHED");
        List<Map<String, Object>> notices = JsonPath.read(body("/api/supervision/notices", "supervisor"), "$[*]");
        assertThat(notices).anyMatch(n -> n.get("repliedAt") != null).anyMatch(n -> n.get("repliedAt") == null);
        // a co-led notice one lead unit answered and another has not: each unit's answer shows on its own
        assertThat(notices).anyMatch(n -> answered(n, true) == 1 && answered(n, false) >= 1);
        assertThat(JsonPath.<List<Object>>read(body("/api/supervision/instructions", "leader"), "$[*]")).isNotEmpty();
        assertThat(body("/api/supervision/accountability", "supervisor")).contains("SUMMONS");
        assertThat(body("/api/supervision/ledger", "supervisor")).contains("六");
    }

    @Test
    void every_demo_plan_has_a_short_name_so_the_warnings_desk_names_the_look_backs_relapsed_task_by_its_plan() throws Exception {
        assertThat(jdbc.queryForList("select title from plan where title in (?, ?, ?) and short_name is null", String.class,
                Demo.PLAN_TITLE, "临翔区环境问题整改清单（演示）", "临沧市已销号问题回头看（演示）")).isEmpty();
        long lookBackPlan = plans.findByTitle("临沧市已销号问题回头看（演示）").orElseThrow();
        String desk = mvc.perform(get("/supervision").param("planId", String.valueOf(lookBackPlan)).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(desk).contains(">临沧回头看·回2</a>").doesNotContain(">回2</a>"); // relapsed: red on the desk
    }

    /** How many of the notice's lead units have answered it ({@code true}) or not yet ({@code false}). */
    @SuppressWarnings("unchecked")
    private static long answered(Map<String, Object> notice, boolean answered) {
        return ((List<Map<String, Object>>) notice.get("answers")).stream()
                .filter(a -> (a.get("repliedAt") != null) == answered).count();
    }

    private String matrix(ReportingCycle cycle) throws Exception {
        return mvc.perform(get("/api/progress/matrix").param("planId", String.valueOf(planId()))
                        .param("cycleId", String.valueOf(cycle.id())).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String body(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, planId());
    }

    private long planId() {
        return Demo.planId(plans);
    }
}
