package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeadlineTests {

    private static Deadline only(String body) {
        DraftTask t = Plans.task(body);
        assertThat(t.deadlines()).as(body).hasSize(1);
        return t.deadlines().get(0);
    }

    private static Deadline d(String date, String phrase, String deliverable, boolean ambiguous) {
        return new Deadline(LocalDate.parse(date), phrase, deliverable, ambiguous);
    }

    @Test
    void year_end_before() {
        assertThat(only("加强监管。2017年底前完成排查整治。"))
            .isEqualTo(d("2017-12-31", "2017年底前", "完成排查整治", false));
    }

    @Test
    void month_end_before() {
        assertThat(only("加强监管。2018年9月底前完成排查整治。"))
            .isEqualTo(d("2018-09-30", "2018年9月底前", "完成排查整治", false));
        assertThat(only("加强监管。2020年2月底前完成排查整治。").date()).hasToString("2020-02-29");
    }

    @Test
    void exact_day_before() {
        assertThat(only("加强监管。2019年3月31日前完成排查整治。"))
            .isEqualTo(d("2019-03-31", "2019年3月31日前", "完成排查整治", false));
    }

    @Test
    void by_a_year_or_by_its_end() {
        assertThat(only("加强监管。到2020年,污水全部收集处理。"))
            .isEqualTo(d("2020-12-31", "到2020年", "污水全部收集处理", false));
        assertThat(only("加强监管。到2020年底,污水全部收集处理。"))
            .isEqualTo(d("2020-12-31", "到2020年底", "污水全部收集处理", false));
    }

    @Test
    void a_bare_year_a_deliverable_is_tied_to_means_that_years_end() {
        assertThat(only("加强监管。2018年临沧主城区申报国家园林城市。"))
            .isEqualTo(d("2018-12-31", "2018年", "临沧主城区申报国家园林城市", false));
    }

    @Test
    void a_year_in_running_text_is_not_a_deadline() {
        assertThat(Plans.task("加强监管。落实2016年度考核结果,巩固2015年以来的成果。").deadlines()).isEmpty();
    }

    @Test
    void n年前_is_ambiguous_so_the_earlier_reading_is_taken_and_flagged() {
        DraftPlan plan = Plans.parse("一、任务\n（一）加强监管。2020年前完成专项规划。（责任单位：市城乡规划局）");
        assertThat(plan.tasks().get(0).deadlines())
            .containsExactly(d("2019-12-31", "2020年前", "完成专项规划", true));
        assertThat(plan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.ref()).isEqualTo("一(一)");
            assertThat(w.message()).contains("2020年前", "2019-12-31");
        });
    }

    @Test
    void a_start_is_not_a_deadline() {
        assertThat(Plans.task("加强监管。2017年起,每年开展专项检查。").deadlines()).isEmpty();
    }

    @Test
    void ongoing_and_immediate() {
        DraftTask ongoing = Plans.task("加强监管。此项工作长期坚持。");
        assertThat(ongoing.ongoing()).isTrue();
        assertThat(ongoing.immediate()).isFalse();
        DraftTask immediate = Plans.task("加强监管。立即停止违法排污行为。");
        assertThat(immediate.immediate()).isTrue();
        assertThat(immediate.ongoing()).isFalse();
    }

    @Test
    void each_deadline_keeps_the_deliverable_it_governs() {
        DraftTask t = Plans.task("编制规划。2017年底前完成体系规划;2018年9月底前完成专项规划,并报批。");
        assertThat(t.deadlines()).containsExactly(
            d("2017-12-31", "2017年底前", "完成体系规划", false),
            d("2018-09-30", "2018年9月底前", "完成专项规划,并报批", false));
    }

    @Test
    void a_deliverable_written_before_its_date_is_found_there() {
        assertThat(only("加强监管。污水处理厂提标改造要于2018年底前完成。"))
            .isEqualTo(d("2018-12-31", "2018年底前", "污水处理厂提标改造完成", false));
    }

    @Test
    void full_width_digits_read_like_ascii_ones() {
        assertThat(only("加强监管。２０１８年９月底前完成排查。").date()).hasToString("2018-09-30");
    }

    @Test
    void other_period_forms() {
        assertThat(only("加强监管。2018年上半年完成排查。").date()).hasToString("2018-06-30");
        assertThat(only("加强监管。2018年第三季度完成排查。").date()).hasToString("2018-09-30");
        assertThat(only("加强监管。2018—2020年持续开展排查。").date()).hasToString("2020-12-31");
        assertThat(only("加强监管。2018年6月前完成排查。")).satisfies(x -> {
            assertThat(x.date()).hasToString("2018-05-31");
            assertThat(x.ambiguous()).isTrue();
        });
    }
}
