package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The time phrases county and city plans use, each with the date it must give. */
class TimePhraseTests {

    /** Fed back 2018-01-10, issued 2018-03-15. */
    private static final PlanDates DATES = new PlanDates(LocalDate.parse("2018-01-10"), LocalDate.parse("2018-03-15"));

    private static DraftPlan plan(String body, PlanDates dates) {
        return new PlanParser().parse("一、测试\n（一）" + body + "（责任单位：市环境保护局）\n", UnitResolver.NONE, dates);
    }

    private static List<Deadline> deadlines(String body) {
        return plan(body, DATES).tasks().get(0).deadlines();
    }

    private static Deadline only(String body) {
        List<Deadline> ds = deadlines(body);
        assertThat(ds).as(body).hasSize(1);
        return ds.get(0);
    }

    private static Deadline d(String date, String phrase, String deliverable) {
        return new Deadline(LocalDate.parse(date), phrase, deliverable, false);
    }

    @Test
    void the_years_end_in_its_several_wordings_falls_in_the_plans_year() {
        for (String phrase : List.of("年内", "当年", "本年度", "年底", "年底前", "年末", "今年底前")) {
            assertThat(only("加强监管。" + phrase + "完成排查整治。"))
                .as(phrase).isEqualTo(d("2018-12-31", phrase, "完成排查整治"));
        }
    }

    @Test
    void halves_of_the_year() {
        assertThat(only("加强监管。上半年完成排查。")).isEqualTo(d("2018-06-30", "上半年", "完成排查"));
        assertThat(only("加强监管。下半年完成整治。")).isEqualTo(d("2018-12-31", "下半年", "完成整治"));
        assertThat(only("加强监管。2019年上半年完成排查。").date()).hasToString("2019-06-30");
    }

    @Test
    void quarters_with_or_without_a_year() {
        assertThat(only("加强监管。第二季度完成排查。")).isEqualTo(d("2018-06-30", "第二季度", "完成排查"));
        assertThat(only("加强监管。第四季度完成排查。").date()).hasToString("2018-12-31");
        assertThat(only("加强监管。三季度末完成排查。")).isEqualTo(d("2018-09-30", "三季度末", "完成排查"));
        assertThat(only("加强监管。2019年一季度末完成排查。").date()).hasToString("2019-03-31");
    }

    @Test
    void a_quarter_already_past_when_the_plan_was_issued_is_next_years_and_flagged() {
        DraftPlan p = plan("加强监管。一季度末完成排查。", new PlanDates(null, LocalDate.parse("2018-05-01")));
        assertThat(p.tasks().get(0).deadlines()).singleElement().satisfies(x -> {
            assertThat(x.date()).hasToString("2019-03-31");
            assertThat(x.ambiguous()).isTrue();
        });
        assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("一季度末", "2019-03-31"));
    }

    @Test
    void month_end_middle_and_thirds() {
        assertThat(only("加强监管。6月底前完成排查。")).isEqualTo(d("2018-06-30", "6月底前", "完成排查"));
        assertThat(only("加强监管。六月底前完成排查。").date()).hasToString("2018-06-30");
        assertThat(only("加强监管。9月中完成排查。").date()).hasToString("2018-09-15");
        assertThat(only("加强监管。9月上旬完成排查。").date()).hasToString("2018-09-10");
        assertThat(only("加强监管。9月中旬完成排查。").date()).hasToString("2018-09-20");
        assertThat(only("加强监管。9月下旬完成排查。").date()).hasToString("2018-09-30");
        assertThat(only("加强监管。2018年9月中完成排查。").date()).hasToString("2018-09-15");
        assertThat(only("加强监管。2018年9月下旬完成排查。").date()).hasToString("2018-09-30");
    }

    @Test
    void a_day_before_which_in_all_its_wordings() {
        for (String phrase : List.of("2018年6月30日前", "2018年6月30日以前", "2018年6月30日之前", "6月30日前",
            "6月30日以前", "6月30日之前")) {
            assertThat(only("加强监管。" + phrase + "完成排查。")).as(phrase)
                .isEqualTo(d("2018-06-30", phrase, "完成排查"));
        }
        assertThat(deadlines("加强监管。3月召开会议。")).as("a bare month is not a deadline").isEmpty();
    }

    @Test
    void before_a_holiday_is_the_day_before_it_in_the_year_in_question() {
        assertThat(only("加强监管。2019年春节前完成排查。")).isEqualTo(d("2019-02-04", "2019年春节前", "完成排查"));
        // issued 2018-03-15, after that year's festival (2018-02-16): the next one, 2019-02-05
        assertThat(only("加强监管。春节前完成排查。")).isEqualTo(d("2019-02-04", "春节前", "完成排查"));
        assertThat(only("加强监管。国庆节前完成排查。")).isEqualTo(d("2018-09-30", "国庆节前", "完成排查"));
        assertThat(only("加强监管。元旦前完成排查。")).isEqualTo(d("2018-12-31", "元旦前", "完成排查"));
        assertThat(deadlines("加强监管。春节期间加强巡查。")).isEmpty();
    }

    @Test
    void a_range_ends_at_its_deadline_and_starts_at_its_start() {
        for (String phrase : List.of("2018年至2020年", "2018—2020年", "2018-2020年")) {
            assertThat(only("加强监管。" + phrase + "完成排查整治。")).as(phrase)
                .isEqualTo(new Deadline(LocalDate.parse("2020-12-31"), phrase, "完成排查整治", false,
                    LocalDate.parse("2018-01-01"), false));
        }
    }

    @Test
    void every_year_with_a_date_is_a_recurring_deadline_from_the_plans_year() {
        assertThat(only("加强监管。每年3月底前报送上年度工作总结。"))
            .isEqualTo(new Deadline(LocalDate.parse("2018-03-31"), "每年3月底前", "报送上年度工作总结", false, null, true));
        // 1月底 of 2018 was past when the plan was issued: the first is in 2019
        assertThat(only("加强监管。每年1月31日前报送总结。").date()).hasToString("2019-01-31");
        assertThat(only("加强监管。每年年底前报送总结。").recurring()).isTrue();
    }

    @Test
    void relative_dates_count_from_the_plans_dates_and_are_flagged() {
        DraftPlan p = plan("加强监管。反馈后3个月内完成排查;方案印发之日起30日内制定细则。", DATES);
        assertThat(p.tasks().get(0).deadlines()).containsExactly(
            new Deadline(LocalDate.parse("2018-04-10"), "反馈后3个月内", "完成排查", true),
            new Deadline(LocalDate.parse("2018-04-14"), "印发之日起30日内", "制定细则", true));
        assertThat(p.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.message()).contains("please check"));
    }

    @Test
    void without_the_plans_dates_a_yearless_phrase_is_reported_not_guessed() {
        DraftPlan p = plan("加强监管。反馈后3个月内完成排查,年底前完成整治。", PlanDates.NONE);
        assertThat(p.tasks().get(0).deadlines()).isEmpty();
        assertThat(p.warnings()).hasSize(2);
    }

    @Test
    void the_plans_dates_are_read_from_its_preamble() {
        String text = "某县整改方案\n时间:2018-03-15\n根据省委第二环境保护督察组2018年1月10日反馈意见,制定本方案。\n"
            + "一、测试\n（一）加强监管。反馈后3个月内完成排查,年底前完成整治。（责任单位：县环境保护局）\n";
        DraftTask t = new PlanParser().parse(text, UnitResolver.NONE).tasks().get(0);
        assertThat(t.deadlines()).extracting(Deadline::date)
            .containsExactly(LocalDate.parse("2018-04-10"), LocalDate.parse("2018-12-31"));
    }

    @Test
    void long_term_continuing_and_immediate_limits() {
        assertThat(plan("加强监管。开展执法检查。（整改时限：长期坚持）", DATES).tasks().get(0).ongoing()).isTrue();
        assertThat(plan("加强监管。开展执法检查。（整改时限：持续推进）", DATES).tasks().get(0).ongoing()).isTrue();
        assertThat(plan("加强监管。开展执法检查。（整改时限：立行立改）", DATES).tasks().get(0).immediate()).isTrue();
        assertThat(plan("加强监管。此项工作长期坚持。", DATES).tasks().get(0).ongoing()).isTrue();
    }

    @Test
    void one_clause_one_deliverable_even_when_the_next_date_stands_after_its_subject() {
        assertThat(deadlines("加强监管。年底前完成排查,污水处理厂于2019年6月底前完成提标改造。")).containsExactly(
            d("2018-12-31", "年底前", "完成排查"),
            d("2019-06-30", "2019年6月底前", "污水处理厂完成提标改造"));
        assertThat(deadlines("加强监管。上半年完成排查;下半年完成整治,并验收。")).containsExactly(
            d("2018-06-30", "上半年", "完成排查"),
            d("2018-12-31", "下半年", "完成整治,并验收"));
    }

    @Test
    void every_quarter_without_a_year_ends_on_its_last_day_in_the_plans_year() {
        // issued 2018-03-15: the first quarter has not yet ended
        assertThat(only("加强监管。第一季度完成排查。")).isEqualTo(d("2018-03-31", "第一季度", "完成排查"));
        assertThat(only("加强监管。第三季度完成排查。")).isEqualTo(d("2018-09-30", "第三季度", "完成排查"));
        assertThat(only("加强监管。第四季度末完成排查。")).isEqualTo(d("2018-12-31", "第四季度末", "完成排查"));
        assertThat(only("加强监管。一季度末完成排查。")).isEqualTo(d("2018-03-31", "一季度末", "完成排查"));
    }

    @Test
    void before_which_after_a_year_or_month_end_in_all_its_wordings() {
        for (String phrase : List.of("年底前", "年底以前", "年底之前")) {
            assertThat(only("加强监管。" + phrase + "完成排查。")).as(phrase).isEqualTo(d("2018-12-31", phrase, "完成排查"));
        }
        for (String phrase : List.of("9月底前", "9月底以前", "9月底之前", "2018年9月底以前", "2018年9月底之前")) {
            assertThat(only("加强监管。" + phrase + "完成排查。")).as(phrase).isEqualTo(d("2018-09-30", phrase, "完成排查"));
        }
        assertThat(only("加强监管。6月底完成排查。")).as("月底 without 前").isEqualTo(d("2018-06-30", "6月底", "完成排查"));
        assertThat(only("加强监管。6月末完成排查。")).isEqualTo(d("2018-06-30", "6月末", "完成排查"));
    }

    @Test
    void before_labour_day_is_the_last_of_april_of_the_year_in_question() {
        assertThat(only("加强监管。五一前完成排查。")).isEqualTo(d("2018-04-30", "五一前", "完成排查"));
        assertThat(only("加强监管。劳动节前完成排查。")).isEqualTo(d("2018-04-30", "劳动节前", "完成排查"));
        assertThat(only("加强监管。国庆前完成排查。")).isEqualTo(d("2018-09-30", "国庆前", "完成排查"));
    }

    @Test
    void the_spring_festival_of_a_later_year_is_read_from_the_table() {
        assertThat(only("加强监管。2020年春节前完成排查。").date()).hasToString("2020-01-24");
        assertThat(only("加强监管。2021年春节前完成排查。").date()).hasToString("2021-02-11");
        // issued 2018-01-20, before that year's festival (2018-02-16): this one
        assertThat(plan("加强监管。春节前完成排查。", new PlanDates(null, LocalDate.parse("2018-01-20"))).tasks().get(0)
            .deadlines()).extracting(Deadline::date).containsExactly(LocalDate.parse("2018-02-15"));
    }

    @Test
    void a_range_with_the_year_written_twice_or_with_a_short_dash_is_due_at_its_end() {
        for (String phrase : List.of("2018年—2020年", "2018年-2020年", "2018年至2020年底", "2018至2020年")) {
            assertThat(only("加强监管。" + phrase + "完成排查整治。")).as(phrase).satisfies(x -> {
                assertThat(x.date()).hasToString("2020-12-31");
                assertThat(x.from()).hasToString("2018-01-01");
                assertThat(x.deliverable()).isEqualTo("完成排查整治");
            });
        }
    }

    @Test
    void every_year_before_a_day_is_yearly_from_the_first_one_after_the_plan() {
        assertThat(only("加强监管。每年6月30日前报送总结。"))
            .isEqualTo(new Deadline(LocalDate.parse("2018-06-30"), "每年6月30日前", "报送总结", false, null, true));
        assertThat(only("加强监管。每年12月底前报送总结。"))
            .isEqualTo(new Deadline(LocalDate.parse("2018-12-31"), "每年12月底前", "报送总结", false, null, true));
    }

    @Test
    void relative_dates_in_days_weeks_and_the_wordings_of_the_issue_date() {
        // issued 2018-03-15, fed back 2018-01-10
        assertThat(only("加强监管。方案印发之日起30日内完成排查。")).satisfies(x -> {
            assertThat(x.date()).hasToString("2018-04-14");
            assertThat(x.ambiguous()).isTrue();
            assertThat(x.deliverable()).isEqualTo("完成排查");
        });
        assertThat(only("加强监管。本方案印发后2个月内完成排查。").date()).hasToString("2018-05-15");
        assertThat(only("加强监管。反馈意见之日起一个月内完成排查。").date()).hasToString("2018-02-10");
        assertThat(only("加强监管。反馈后6个月内完成整改。").date()).hasToString("2018-07-10");
    }

    @Test
    void a_time_limit_both_immediate_and_long_term_is_both() {
        // (立行立改 in running text is an exhortation, not the task's limit: see LincangPlanTests, task 七)
        DraftTask t = plan("加强监管。开展执法检查。（整改时限：立行立改，长期坚持）", DATES).tasks().get(0);
        assertThat(t.immediate()).isTrue();
        assertThat(t.ongoing()).isTrue();
    }

    @Test
    void full_width_commas_semicolons_and_stops_between_two_time_phrases_end_a_deliverable() {
        assertThat(deadlines("加强监管。年底前完成排查，2019年6月底前完成整治；2019年底前通过验收。2020年底前巩固提升。"))
            .containsExactly(
                d("2018-12-31", "年底前", "完成排查"),
                d("2019-06-30", "2019年6月底前", "完成整治"),
                d("2019-12-31", "2019年底前", "通过验收"),
                d("2020-12-31", "2020年底前", "巩固提升"));
        assertThat(deadlines("加强监管。上半年完成排查，建立台账，下半年完成整治。")).as("a comma without a next phrase stays")
            .containsExactly(d("2018-06-30", "上半年", "完成排查，建立台账"), d("2018-12-31", "下半年", "完成整治"));
    }

    @Test
    void a_count_of_years_or_months_is_not_a_deadline() {
        assertThat(deadlines("加强监管。三年内不得新建,每月底报送台账,连续3个月达标。")).isEmpty();
        assertThat(deadlines("加强监管。巩固去年底完成的整治成果。")).as("another year's end").isEmpty();
    }
}
