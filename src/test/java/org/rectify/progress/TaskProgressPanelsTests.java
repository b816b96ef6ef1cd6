package org.rectify.progress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task page's panels on what the reports measured: each indicator's target, latest value and values, and each
 * obligation's records against what every period requires; only from the reports the reader may read.
 */
@IntegrationTest
class TaskProgressPanelsTests {

    private static final String MONTHLY = "{\"subject\": \"区委常委会研究部署环境保护工作\", \"atLeast\": 1, \"per\": \"MONTH\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    ProgressFixture plan;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        today = LocalDate.now(clock);
        plan = ProgressFixture.plan(mvc, units, today, false);
    }

    @Test
    void the_indicator_panel_shows_the_target_the_latest_value_and_every_value_in_its_table() throws Exception {
        long task = plan.epbTask();
        report(epbStaff(), task, plan.pastCycle, measurement("85", today.minusDays(45)), "");
        report(epbStaff(), task, plan.currentCycle, measurement("92.5", today.minusDays(1)), "");

        String html = page(office(), "/progress/tasks/" + task + "/indicator-panel");

        assertThat(html).contains("指标完成情况", "监测达标率", "不低于 90 %")
                .contains("<strong>92.5 %</strong>")
                .contains("（截至" + today.minusDays(1) + "，市环境保护局）")
                .contains("data-values=\"85,92.5\"", "data-target=\"90\"")
                .contains("data-table-toggle=\"indicator-table-0\"");
        assertThat(count(html, "class=\"indicator-point\"")).isEqualTo(2);
        assertThat(html.substring(html.indexOf("indicator-latest"))).containsSubsequence("92.5 %", "达标");
        assertThat(html).contains("未达标"); // the 85 of the earlier cycle, in the table
    }

    @Test
    void a_unit_sees_on_the_panels_only_the_values_and_records_of_the_reports_it_may_read() throws Exception {
        long task = plan.task(List.of("市环境保护局", "临翔区政府"), List.of(), MONTHLY);
        LocalDate held = today.withDayOfMonth(1);
        report(epbStaff(), task, plan.currentCycle, measurement("77", today.minusDays(1)), record(held, "市环保局会议"));

        String office = page(office(), "/progress/tasks/" + task + "/indicator-panel");
        String linxiang = page(linxiangStaff(), "/progress/tasks/" + task + "/indicator-panel");
        assertThat(office).contains("<strong>77 %</strong>", "市环境保护局");
        assertThat(linxiang).contains("监测达标率", "尚无已报送的数据").doesNotContain("77 %").doesNotContain("市环境保护局");

        String officeRecords = page(office(), "/progress/tasks/" + task + "/obligation-panel");
        String linxiangRecords = page(linxiangStaff(), "/progress/tasks/" + task + "/obligation-panel");
        assertThat(officeRecords).contains("data-unit=\"市环境保护局\"", "data-unit=\"临翔区政府\"");
        assertThat(linxiangRecords).contains("data-unit=\"临翔区政府\"").doesNotContain("市环境保护局");
    }

    @Test
    void the_obligation_panel_counts_each_month_against_its_requirement_and_names_the_months_that_fell_short() throws Exception {
        long task = plan.task(List.of("市环境保护局"), List.of(), MONTHLY);
        int lastYear = today.getYear() - 1;
        // January twice (the same meeting reported again counts once), March once; a draft's record does not count
        String records = String.join(",", record(LocalDate.of(lastYear, 1, 8), "第一次"), record(LocalDate.of(lastYear, 1, 8), "第一次"),
                record(LocalDate.of(lastYear, 3, 12), "第二次"));
        report(epbStaff(), task, plan.pastCycle, "", records);
        plan.report(epbStaff(), task, plan.currentCycle, content("", record(LocalDate.of(lastYear, 2, 3), "草稿")), false)
                .andExpect(status().isCreated());

        String html = page(office(), "/progress/tasks/" + task + "/obligation-panel?year=" + lastYear);

        assertThat(html).contains("常态化要求落实情况（" + lastYear + "年）", "每月区委常委会研究部署环境保护工作不少于1次")
                .contains("2 / 12", "10期未达要求", "data-below=\"10\"");
        assertThat(state(html, LocalDate.of(lastYear, 1, 1))).isEqualTo("met");
        assertThat(state(html, LocalDate.of(lastYear, 2, 1))).isEqualTo("below");
        assertThat(state(html, LocalDate.of(lastYear, 3, 1))).isEqualTo("met");
        assertThat(state(html, LocalDate.of(lastYear, 12, 1))).isEqualTo("below");

        String thisYear = page(office(), "/progress/tasks/" + task + "/obligation-panel");
        // the month under way is not yet short of anything
        assertThat(state(thisYear, today.withDayOfMonth(1))).isEqualTo("open");
        assertThat(thisYear).contains("data-below=\"" + (today.getMonthValue() - 1) + "\"");
    }

    @Test
    void a_year_out_of_range_is_refused_with_a_message_and_a_task_outside_the_scope_is_not_found() throws Exception {
        long task = plan.task(List.of("市环境保护局"), List.of(), MONTHLY);
        mvc.perform(get("/progress/tasks/{id}/obligation-panel", task).param("year", "99999").with(office()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/progress/tasks/{id}/indicator-panel", task).with(linxiangStaff())).andExpect(status().isNotFound());
        mvc.perform(get("/progress/tasks/{id}/obligation-panel", task).with(linxiangStaff())).andExpect(status().isNotFound());
    }

    @Test
    void the_task_page_loads_both_panels_for_a_task_with_indicators_and_obligations() throws Exception {
        long task = plan.epbTask();
        assertThat(page(office(), "/tasks/" + task)).contains("/progress/tasks/" + task + "/indicator-panel",
                "/progress/tasks/" + task + "/obligation-panel", "/js/indicators.js");
    }

    // ---- helpers

    private String page(RequestPostProcessor who, String url) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void report(RequestPostProcessor who, long task, long cycle, String measurements, String records) throws Exception {
        plan.report(who, task, cycle, content(measurements, records), true).andExpect(status().isCreated());
    }

    private static String content(String measurements, String records) {
        return """
                {"workDone": "本期推进监测能力建设", "phase": "IN_PROGRESS", "onSchedule": true,
                 "measurements": [%s], "obligationRecords": [%s]}""".formatted(measurements, records);
    }

    private static String measurement(String value, LocalDate asOf) {
        return "{\"indicatorName\": \"监测达标率\", \"value\": \"%s\", \"asOf\": \"%s\", \"source\": \"监测报告\"}".formatted(value, asOf);
    }

    private static String record(LocalDate heldOn, String topic) {
        return "{\"subject\": \"区委常委会研究部署环境保护工作\", \"heldOn\": \"%s\", \"body\": \"常委会\", \"topic\": \"%s\"}"
                .formatted(heldOn, topic);
    }

    /** The state (met, below, open) of the period starting on {@code start} as the panel marks it. */
    private static String state(String html, LocalDate start) {
        int at = html.indexOf("data-period=\"" + start + "\"");
        assertThat(at).as("period " + start).isNotNegative();
        String rest = html.substring(at);
        String marker = "data-state=\"";
        int s = rest.indexOf(marker) + marker.length();
        return rest.substring(s, rest.indexOf('"', s));
    }

    private static int count(String html, String what) {
        return html.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
