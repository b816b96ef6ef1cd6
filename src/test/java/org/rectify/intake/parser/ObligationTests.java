package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ObligationTests {

    private static Obligation only(String body) {
        DraftTask t = Plans.task(body);
        assertThat(t.obligations()).as(body).hasSize(1);
        return t.obligations().get(0);
    }

    @Test
    void at_least_n_times_a_year_from_a_start_year() {
        assertThat(only("强化部署。2017年起,市委常委会议每年研究部署环境保护工作不少于4次。"))
            .isEqualTo(new Obligation("市委常委会议研究部署环境保护工作", 4, "year", LocalDate.of(2017, 1, 1),
                "市委常委会议每年研究部署环境保护工作不少于4次"));
    }

    @Test
    void at_least_once_a_month() {
        assertThat(only("强化部署。县级党委和政府每月研究部署环境保护工作不少于1次。"))
            .isEqualTo(new Obligation("县级党委和政府研究部署环境保护工作", 1, "month", null,
                "县级党委和政府每月研究部署环境保护工作不少于1次"));
    }

    @Test
    void at_least_once_a_quarter_in_chinese_numerals() {
        assertThat(only("联席会议。联席会议每季度至少召开一次。"))
            .isEqualTo(new Obligation("联席会议召开", 1, "quarter", null, "联席会议每季度至少召开一次"));
    }

    @Test
    void the_count_may_come_after_the_verb() {
        assertThat(only("联席会议。领导小组每月至少召开一次会议。"))
            .isEqualTo(new Obligation("领导小组召开会议", 1, "month", null, "领导小组每月至少召开一次会议"));
    }

    @Test
    void larger_chinese_numerals_and_weeks() {
        assertThat(only("巡查。网格员每周巡查不少于两次。").atLeast()).isEqualTo(2);
        assertThat(only("巡查。网格员每周巡查不少于两次。").per()).isEqualTo("week");
        assertThat(only("督查。每年开展专项督查不少于十二次。").atLeast()).isEqualTo(12);
    }

    @Test
    void a_start_applies_to_the_whole_sentence() {
        DraftTask t = Plans.task("强化部署。2018年起,市级每年研究不少于4次;县级每月研究不少于1次。");
        assertThat(t.obligations()).extracting(Obligation::from)
            .containsExactly(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 1));
    }

    @Test
    void two_duties_in_one_clause_are_read_apart() {
        DraftTask t = Plans.task("强化部署。市级每年研究不少于4次县级每月研究不少于1次。");
        assertThat(t.obligations()).extracting(o -> o.atLeast() + "/" + o.per() + " " + o.phrase())
            .containsExactly("4/year 市级每年研究不少于4次", "1/month 县级每月研究不少于1次");
    }

    @Test
    void recurring_work_without_a_count_is_not_an_obligation() {
        assertThat(Plans.task("投入。市财政每年增加环境保护投入。").obligations()).isEmpty();
        assertThat(Plans.task("考核。每年第一次会议听取汇报。").obligations()).isEmpty();
    }

    @Test
    void a_half_yearly_duty_cannot_be_recorded_and_is_flagged() {
        DraftPlan plan = Plans.parse("一、任务\n（一）督查。每半年开展督查不少于1次。（责任单位：市委督查室）");
        assertThat(plan.tasks().get(0).obligations()).isEmpty();
        assertThat(plan.warnings()).extracting(ParseWarning::message)
            .anySatisfy(m -> assertThat(m).startsWith("half-yearly duty"));
    }
}
