package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The office sets a plan's cadence; cycles are generated ahead and follow a change without losing what was reported. */
@IntegrationTest
@RecordApplicationEvents
class ReportingCycleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    @Test
    void a_monthly_cadence_generates_cycles_ahead_due_on_the_day_or_the_months_last_day() {
        ReportingCadence cadence = new ReportingCadence(1, CadenceKind.MONTHLY, 31, 3, false, LocalDate.of(2025, 1, 1),
                List.of(), "办公室", null);
        List<CycleCalendar.Period> periods = CycleCalendar.periods(cadence, null, LocalDate.of(2025, 3, 10));
        assertThat(periods).extracting(CycleCalendar.Period::dueOn)
                .containsExactly(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31));
        assertThat(periods.get(1).start()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(periods.get(1).end()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(periods.get(1).graceUntil()).isEqualTo(LocalDate.of(2025, 3, 3));
        // and goes on from where it stopped
        assertThat(CycleCalendar.periods(cadence, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1)))
                .extracting(CycleCalendar.Period::start).containsExactly(LocalDate.of(2025, 4, 1));
    }

    @Test
    void a_quarterly_cadence_is_due_in_the_quarters_last_month_and_custom_cycles_end_on_their_dates() {
        ReportingCadence quarterly = new ReportingCadence(1, CadenceKind.QUARTERLY, 25, 0, false, LocalDate.of(2025, 1, 1),
                List.of(), "办公室", null);
        assertThat(CycleCalendar.periods(quarterly, null, LocalDate.of(2025, 7, 1))).extracting(CycleCalendar.Period::dueOn)
                .containsExactly(LocalDate.of(2025, 3, 25), LocalDate.of(2025, 6, 25), LocalDate.of(2025, 9, 25));
        ReportingCadence custom = new ReportingCadence(1, CadenceKind.CUSTOM, 25, 5, false, LocalDate.of(2025, 1, 1),
                List.of(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 20)), "办公室", null);
        List<CycleCalendar.Period> periods = CycleCalendar.periods(custom, null, LocalDate.of(2025, 1, 1));
        assertThat(periods).extracting(CycleCalendar.Period::start)
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 11));
        assertThat(periods).extracting(CycleCalendar.Period::graceUntil)
                .containsExactly(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 5, 25));
    }

    @Test
    void the_office_sets_a_monthly_cadence_and_cycles_are_there_up_to_three_months_ahead() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long plan = newPlan();
        LocalDate start = today.minusMonths(2).withDayOfMonth(1);
        cadence(plan, "{\"kind\": \"MONTHLY\", \"dueDay\": 25, \"graceDays\": 3, \"startsOn\": \"%s\"}".formatted(start))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("MONTHLY"));
        String cycles = body(mvc.perform(get("/api/progress/plans/{id}/cycles", plan).with(office())) // a plan without tasks: its office sees it
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6))).andReturn()); // two past months, this one, three ahead
        assertThat((String) JsonPath.read(cycles, "$[0].periodStart")).isEqualTo(start.toString());
        assertThat((String) JsonPath.read(cycles, "$[5].periodEnd"))
                .isEqualTo(today.plusMonths(3).with(TemporalAdjusters.lastDayOfMonth()).toString());
        assertThat(events.stream(ReportingCadenceSet.class).filter(e -> e.planId() == plan)).hasSize(1);
    }

    @Test
    void changing_the_cadence_keeps_the_cycles_reports_answer_and_remakes_the_later_ones() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ProgressFixture f = ProgressFixture.plan(mvc, units, today, false);
        long task = f.epbTask();
        f.submitted(epbStaff(), task, f.currentCycle);
        cadence(f.planId, "{\"kind\": \"QUARTERLY\", \"dueDay\": 20, \"graceDays\": 0}").andExpect(status().isOk());
        String cycles = body(mvc.perform(get("/api/progress/plans/{id}/cycles", f.planId).with(office())).andReturn());
        List<Number> ids = JsonPath.read(cycles, "$[*].id");
        List<String> kinds = JsonPath.read(cycles, "$[*].kind");
        assertThat(ids).contains((int) f.pastCycle, (int) f.currentCycle).doesNotContain((int) f.futureCycle);
        assertThat(kinds.subList(2, kinds.size())).isNotEmpty().containsOnly("QUARTERLY");
        mvc.perform(get("/api/progress/plans/{id}/cadence", f.planId).with(office()))
                .andExpect(jsonPath("$.kind").value("QUARTERLY")).andExpect(jsonPath("$.dueDay").value(20));
    }

    @Test
    void only_the_office_running_the_plan_sets_its_cadence_and_bad_settings_are_refused_at_their_fields() throws Exception {
        long plan = newPlan();
        cadence(plan, "{\"kind\": \"MONTHLY\"}", epbStaff()).andExpect(status().isForbidden());
        cadence(plan, "{\"kind\": \"MONTHLY\"}", as("linxiang-office")).andExpect(status().isNotFound()); // a county office: another office's plan is not found
        cadence(plan, "{\"kind\": \"MONTHLY\", \"dueDay\": 32, \"graceDays\": -1}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.dueDay").value("截止日应为1至31之间的整数。"))
                .andExpect(jsonPath("$.fieldErrors.graceDays").exists());
        cadence(plan, "{\"kind\": \"CUSTOM\", \"customDueDates\": []}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.customDueDates").exists());
        mvc.perform(get("/api/progress/plans/{id}/cadence", plan).with(office())).andExpect(status().isNotFound());
    }

    private long newPlan() throws Exception {
        return ProgressFixture.bare(mvc, units, LocalDate.now(clock)).planId;
    }

    private org.springframework.test.web.servlet.ResultActions cadence(long plan, String json) throws Exception {
        return cadence(plan, json, office());
    }

    private org.springframework.test.web.servlet.ResultActions cadence(long plan, String json,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(put("/api/progress/plans/{id}/cadence", plan).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String body(org.springframework.test.web.servlet.MvcResult r) throws Exception {
        return ProgressFixture.body(r);
    }
}
