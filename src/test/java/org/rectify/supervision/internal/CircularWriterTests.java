package org.rectify.supervision.internal;

import org.junit.jupiter.api.Test;
import org.rectify.progress.DueReport;
import org.rectify.supervision.CircularFacts;
import org.rectify.supervision.CircularPeriod;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The first draft's words, from facts alone. */
class CircularWriterTests {

    private static final CircularPeriod NOVEMBER = new CircularPeriod(LocalDate.of(2018, 11, 1), LocalDate.of(2018, 11, 30));

    @Test
    void a_quiet_month_still_has_every_section_and_says_none_where_there_is_nothing() {
        CircularFacts facts = CircularFacts.of(NOVEMBER, LocalDate.of(2018, 12, 3), null, List.of(), List.of(), List.of());
        CircularWriter.Draft draft = CircularWriter.write(NOVEMBER, facts, "各县（区）委、政府，市直各有关部门：");
        assertThat(draft.title()).isEqualTo("关于2018年11月整改任务推进情况的通报");
        assertThat(draft.body().split("\n")).containsSubsequence(
                "一、报送情况", "本期无应报送的进展报告。",
                "二、红色预警任务", "截至2018年11月30日，无红色预警任务。",
                "三、问题反弹", "2018年11月未发现已销号问题反弹。",
                "四、排名情况", "本期无排名数据。",
                "五、下一步要求", "（一）各单位要严格落实整改责任，按时报送整改进展，确保各项整改任务按期完成。");
    }

    @Test
    void a_circular_drafted_before_the_grace_period_ended_says_the_reports_are_still_pending_not_that_none_were_due() {
        LocalDate due = LocalDate.of(2018, 11, 25);
        LocalDate grace = LocalDate.of(2018, 11, 30);
        List<DueReport> waiting = List.of(new DueReport(1, 1, due, grace, 1, "一(1)", "任务", 1, "甲局", null),
                new DueReport(1, 1, due, grace, 1, "一(1)", "任务", 2, "乙局", null));
        CircularFacts facts = CircularFacts.of(NOVEMBER, LocalDate.of(2018, 11, 29), null, waiting, List.of(), List.of());
        String body = CircularWriter.write(NOVEMBER, facts, "x").body();
        assertThat(body).contains("2018年11月，2份进展报告尚在报送宽限期内；")
                .contains("本期有2份进展报告尚在报送宽限期内，未计入本期统计。")
                .doesNotContain("无应报送");
    }

    @Test
    void a_plans_circular_names_the_plan_and_percentages_drop_a_trailing_zero() {
        CircularFacts facts = CircularFacts.of(NOVEMBER, LocalDate.of(2018, 12, 3), "临沧市整改方案", List.of(), List.of(), List.of());
        assertThat(CircularWriter.write(NOVEMBER, facts, "x").title()).isEqualTo("关于2018年11月《临沧市整改方案》整改任务推进情况的通报");
        assertThat(CircularWriter.percent(100.0)).isEqualTo("100%");
        assertThat(CircularWriter.percent(33.3)).isEqualTo("33.3%");
    }
}
