package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The unit page's "reports due this cycle" counted in one statement is the old figure, the outstanding items of the
 * caller's whole due list, for the root office, a county office, unit staff and an administrator: with reports
 * submitted in the current cycle (not counted) and in a past one (counted), and a plan without a cadence (every duty
 * counted).
 */
@IntegrationTest
class OutstandingReportsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    ProgressViews views;
    @Autowired
    OutstandingReports outstanding;

    private Map<String, Caller> callers() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("office", caller(Role.OFFICE, DataScope.ofJurisdiction(Demo.unitPath(units, "临沧市"))));
        callers.put("linxiang-office", caller(Role.OFFICE, DataScope.ofJurisdiction(Demo.unitPath(units, "临翔区"))));
        callers.put("epb-staff", caller(Role.UNIT_STAFF, DataScope.ofUnit(Demo.unitPath(units, "市环境保护局"))));
        callers.put("admin", caller(Role.ADMIN, DataScope.ALL));
        return callers;
    }

    private Caller caller(Role role, DataScope scope) {
        return new Caller(0, "test", "测试", 0, "测试", role, scope);
    }

    private void assertEachRoleCountsWhatItsDueListOwes() {
        for (var c : callers().entrySet()) {
            assertThat(outstanding.count(c.getValue())).as(c.getKey())
                    .isEqualTo(views.due(c.getValue(), null, null).outstanding());
        }
    }

    @Test
    void each_role_counts_the_outstanding_items_of_its_whole_due_list() throws Exception {
        assertEachRoleCountsWhatItsDueListOwes();
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.task(List.of("市环境保护局", "临翔区"), List.of("市财政局"));
        ProgressFixture bare = ProgressFixture.bare(mvc, units, plan.today);
        bare.task(List.of("临翔区"), List.of());
        Caller staff = callers().get("epb-staff");
        int owed = outstanding.count(staff);
        assertEachRoleCountsWhatItsDueListOwes();

        plan.submitted(epbStaff(), task, plan.pastCycle);
        assertThat(outstanding.count(staff)).as("a past cycle's report owes nothing now").isEqualTo(owed);
        plan.submitted(epbStaff(), task, plan.currentCycle);
        assertThat(outstanding.count(staff)).as("this cycle's report submitted").isEqualTo(owed - 1);
        assertEachRoleCountsWhatItsDueListOwes();
        assertThat(views.due(staff, null, null).plans().stream().flatMap(p -> p.items().stream())
                .filter(i -> i.status().state() == ReportState.SUBMITTED)).as("some submitted item compared").isNotEmpty();
    }

    @Test
    void the_unit_page_shows_the_old_figure_for_each_demo_role() throws Exception {
        Map<String, Caller> callers = callers();
        var logins = Map.of("office", office(), "linxiang-office", linxiangOffice(), "epb-staff", epbStaff());
        for (var login : logins.entrySet()) {
            String page = mvc.perform(get("/insight/unit").with(login.getValue())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var m = Pattern.compile("id=\"todo-reports\"").matcher(page);
            assertThat(m.find()).as(login.getKey()).isTrue();
            var figure = Pattern.compile("figure-value\">(\\d+)<").matcher(page.substring(m.start()));
            assertThat(figure.find()).as(login.getKey()).isTrue();
            assertThat(Integer.parseInt(figure.group(1))).as(login.getKey())
                    .isEqualTo(views.due(callers.get(login.getKey()), null, null).outstanding());
        }
    }
}
