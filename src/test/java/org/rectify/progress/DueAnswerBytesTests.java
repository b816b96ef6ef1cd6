package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The due list's answer over the API, whose plans' cycles are written once per plan and kept (WrittenCycles, issue
 * 14) and whose items and supported tasks are written by hand (WrittenItems), is byte for byte what the app's mapper
 * writes of the same page with its cycles, items and supported tasks as plain lists, for offices, staff and the
 * administrator; and a plan whose cycles change, through the app or outside it (V71's version of them), is answered
 * with the new ones at once.
 */
@IntegrationTest
class DueAnswerBytesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Plans plans;
    @Autowired
    ProgressViews views;
    @Autowired
    ReportingCycles cycles;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_roles_due_answer_is_the_bytes_the_mapper_writes_of_the_same_page_with_plain_lists() throws Exception {
        Map<String, DataScope> scopes = Demo.scopes(units);
        Map<RequestPostProcessor, Caller> logins = Map.of(office(), caller(Role.OFFICE, scopes.get("office")),
                linxiangOffice(), caller(Role.OFFICE, scopes.get("linxiang-office")),
                epbStaff(), caller(Role.UNIT_STAFF, scopes.get("epb-staff")), admin(), caller(Role.ADMIN, DataScope.ALL));
        long demoPlan = Demo.planId(plans);
        long pastCycle = cycles.cycles(demoPlan).get(0).id();
        for (var login : logins.entrySet()) {
            for (int round = 0; round < 2; round++) { // written, then kept
                assertSameBytes(login, null, null, 0, 20);
                assertSameBytes(login, null, null, 1, 20);
                assertSameBytes(login, null, null, 0, 200);
                assertSameBytes(login, demoPlan, null, 0, 50);
                assertSameBytes(login, demoPlan, pastCycle, 0, 100);
            }
        }
    }

    @Test
    void a_plan_whose_cycles_change_is_answered_with_its_new_cycles_at_once() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ProgressFixture plan = ProgressFixture.plan(mvc, units, today, false);
        plan.task(List.of("市环境保护局"), List.of());
        String before = due(epbStaff(), "?planId=" + plan.planId);
        assertThat(cyclesOf(before)).isEqualTo(json.writeValueAsString(cycles.cycles(plan.planId)));

        // two more cycles ahead: the ones not begun are made again
        mvc.perform(put("/api/progress/plans/{id}/cadence", plan.planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": false, "startsOn": "%s",
                                 "customDueDates": ["%s", "%s", "%s", "%s", "%s"]}""".formatted(today.minusDays(70),
                                today.minusDays(40), today.plusDays(10), today.plusDays(40), today.plusDays(70),
                                today.plusDays(100))))
                .andExpect(status().isOk());
        List<ReportingCycle> now = cycles.cycles(plan.planId);
        assertThat(now).as("the new cadence's cycles").hasSize(5);
        String after = due(epbStaff(), "?planId=" + plan.planId);
        assertThat(cyclesOf(after)).isEqualTo(json.writeValueAsString(now)).isNotEqualTo(cyclesOf(before));
        assertThat(JsonPath.<List<Number>>read(after, "$.plans[0].cycles[*].id")).hasSize(5);
    }

    @Test
    void cycles_written_outside_the_app_are_answered_at_once_and_each_statement_writing_them_raises_their_version()
            throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        plan.task(List.of("市环境保护局"), List.of());
        String query = "?planId=" + plan.planId;
        due(epbStaff(), query);
        due(epbStaff(), query); // kept
        long version = version(plan.planId);

        // as another node or an operator's SQL would: the app that keeps the cycles hears nothing of it
        jdbc.update("update reporting_cycle set grace_until = grace_until + 9 where id = ?", plan.currentCycle);
        assertThat(version(plan.planId)).as("an update").isGreaterThan(version);
        String after = due(epbStaff(), query);
        assertThat(cyclesOf(after)).isEqualTo(json.writeValueAsString(cycles.cycles(plan.planId)));

        List<ReportingCycle> all = cycles.cycles(plan.planId);
        long last = all.get(all.size() - 1).id();
        version = version(plan.planId);
        jdbc.update("delete from reporting_cycle where id = ?", last);
        assertThat(version(plan.planId)).as("a delete").isGreaterThan(version);
        String deleted = due(epbStaff(), query);
        assertThat(JsonPath.<List<Number>>read(deleted, "$.plans[0].cycles[*].id")).extracting(Number::longValue)
                .doesNotContain(last).hasSize(cycles.cycles(plan.planId).size());

        version = version(plan.planId);
        jdbc.update("""
                insert into reporting_cycle (plan_id, kind, seq, period_start, period_end, due_on, grace_until)
                select plan_id, kind, seq + 1, period_end + 1, period_end + 30, period_end + 35, period_end + 40
                from reporting_cycle where plan_id = ? order by period_start desc limit 1""", plan.planId);
        assertThat(version(plan.planId)).as("an insert").isGreaterThan(version);
        assertThat(cyclesOf(due(epbStaff(), query))).isEqualTo(json.writeValueAsString(cycles.cycles(plan.planId)))
                .isNotEqualTo(cyclesOf(deleted));
    }

    private long version(long planId) {
        return jdbc.queryForObject("select cycles_version from reporting_cadence where plan_id = ?", Long.class, planId);
    }

    private void assertSameBytes(Map.Entry<RequestPostProcessor, Caller> login, Long planId, Long cycleId, int page, int size)
            throws Exception {
        String query = "?page=" + page + "&size=" + size + (planId == null ? "" : "&planId=" + planId)
                + (cycleId == null ? "" : "&cycleId=" + cycleId);
        String answer = due(login.getKey(), query);
        DuePage expected = views.duePage(login.getValue(), planId, cycleId, page, size);
        assertThat(answer).as("%s %s", login.getValue().scope(), query).isEqualTo(json.writeValueAsString(plain(expected)));
        if (page == 0) {
            assertThat(answer).as("a first page has cycles to write").contains("\"cycles\":[{");
        }
    }

    /** The page with each plan's cycles, items and supported tasks in ArrayLists, written by the mapper's own serializers. */
    private static DuePage plain(DuePage page) {
        return new DuePage(page.plans().stream().map(p -> new DueList.PlanDue(p.planId(), p.planTitle(), p.cadence(),
                p.cycle(), new ArrayList<>(p.cycles()), new ArrayList<>(p.items()), new ArrayList<>(p.supporting())))
                .toList(), page.page(), page.size(),
                page.total(), page.supportingTotal());
    }

    private String due(RequestPostProcessor who, String query) throws Exception {
        return mvc.perform(get("/api/progress/due" + query).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The first plan's cycles as the answer wrote them. */
    private String cyclesOf(String answer) {
        return json.writeValueAsString(json.readTree(answer).get("plans").get(0).get("cycles"));
    }

    private static Caller caller(Role role, DataScope scope) {
        return new Caller(0, "test", "测试", 0, "测试", role, scope);
    }
}
