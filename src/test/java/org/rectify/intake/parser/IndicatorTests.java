package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IndicatorTests {

    private static Indicator only(String body) {
        DraftTask t = Plans.task(body);
        assertThat(t.indicators()).as(body).hasSize(1);
        return t.indicators().get(0);
    }

    private static Indicator i(String name, String comparator, String value, String unit, String due, String phrase) {
        return new Indicator(name, comparator, new BigDecimal(value), unit, due == null ? null : LocalDate.parse(due),
            phrase);
    }

    @Test
    void reaches_at_least() {
        assertThat(only("加强绿化。到2020年绿地率达到36%以上。"))
            .isEqualTo(i("绿地率", ">=", "36", "%", "2020-12-31", "绿地率达到36%以上"));
    }

    @Test
    void a_share_that_comes_first() {
        assertThat(only("治理垃圾。2020年底前,95%以上村庄垃圾得到有效治理。"))
            .isEqualTo(i("村庄垃圾得到有效治理", ">=", "95", "%", "2020-12-31", "95%以上村庄垃圾得到有效治理"));
    }

    @Test
    void raised_to() {
        assertThat(only("治理污水。城镇污水处理率提高到95%以上。"))
            .isEqualTo(i("城镇污水处理率", ">=", "95", "%", null, "城镇污水处理率提高到95%以上"));
    }

    @Test
    void not_lower_than() {
        assertThat(only("治理污水。集中式饮用水水源地水质达标率不低于100%。"))
            .isEqualTo(i("集中式饮用水水源地水质达标率", ">=", "100", "%", null, "集中式饮用水水源地水质达标率不低于100%"));
    }

    @Test
    void kept_within_with_a_compound_unit() {
        assertThat(only("治理大气。2018年底前,PM2.5年均浓度控制在35微克/立方米以内。"))
            .isEqualTo(i("PM2.5年均浓度", "<=", "35", "微克/立方米", "2018-12-31", "PM2.5年均浓度控制在35微克/立方米以内"));
    }

    @Test
    void lowered_to_below() {
        assertThat(only("治理大气。到2020年,重污染天数下降到3天以下。"))
            .isEqualTo(i("重污染天数", "<=", "3", "天", "2020-12-31", "重污染天数下降到3天以下"));
    }

    @Test
    void not_more_than() {
        DraftTask t = Plans.task("控制总量。全市用水总量不超过5.6亿立方米,化学需氧量排放量不超过1.2万吨。");
        assertThat(t.indicators()).containsExactly(
            i("用水总量", "<=", "5.6", "亿立方米", null, "全市用水总量不超过5.6亿立方米"),
            i("化学需氧量排放量", "<=", "1.2", "万吨", null, "化学需氧量排放量不超过1.2万吨"));
        assertThat(only("控制总量。氨氮排放量不高于0.5万吨。").comparator()).isEqualTo("<=");
    }

    @Test
    void reduced_by_is_named_after_the_change() {
        assertThat(only("节能减排。单位GDP能耗下降15%以上。"))
            .isEqualTo(i("单位GDP能耗下降", ">=", "15", "%", null, "单位GDP能耗下降15%以上"));
    }

    @Test
    void achieving_a_full_share_is_an_exact_target() {
        assertThat(only("改善交通。2017年实现100%建制村道路硬化。"))
            .isEqualTo(i("建制村道路硬化", "=", "100", "%", "2017-12-31", "实现100%建制村道路硬化"));
    }

    @Test
    void scope_words_before_the_name_are_left_out() {
        assertThat(only("加强绿化。全市城市建成区绿化覆盖率达到41%以上。").name()).isEqualTo("绿化覆盖率");
    }

    @Test
    void a_count_without_a_comparing_word_is_not_a_target() {
        assertThat(Plans.task("回头看。对交办的13件群众举报环境问题逐一核查。").indicators()).isEmpty();
        assertThat(Plans.task("推广经验。PM2.5监测点位已建成。").indicators()).isEmpty();
    }

    @Test
    void each_target_takes_the_date_governing_its_clause() {
        DraftTask t = Plans.task("综合利用。到2020年,秸秆综合利用率达85%以上;到2030年,农膜回收率达到80%以上。");
        assertThat(t.indicators()).extracting(x -> x.name() + " " + x.due())
            .containsExactly("秸秆综合利用率 2020-12-31", "农膜回收率 2030-12-31");
    }
}
