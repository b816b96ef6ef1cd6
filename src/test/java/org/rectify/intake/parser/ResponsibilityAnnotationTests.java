package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResponsibilityAnnotationTests {

    private static List<String> lead(DraftTask t) {
        return LincangPlanTests.describe(t.leadUnits());
    }

    private static List<String> supporting(DraftTask t) {
        return LincangPlanTests.describe(t.supportingUnits());
    }

    @Test
    void full_width_and_ascii_punctuation_mix_anyhow() {
        for (String a : List.of(
            "（责任单位：市财政局；配合单位：市审计局）",
            "(责任单位:市财政局;配合单位:市审计局)",
            "（责任单位:市财政局;配合单位：市审计局)",
            "(责任单位 ： 市财政局 ； 配合单位 ： 市审计局）")) {
            DraftTask t = Plans.annotated(a);
            assertThat(lead(t)).as(a).containsExactly("市财政局");
            assertThat(supporting(t)).as(a).containsExactly("市审计局");
        }
    }

    @Test
    void lead_and_supporting_have_several_labels() {
        DraftTask t = Plans.annotated("（牵头单位：市发展改革委；协办单位：市财政局、审计局）");
        assertThat(lead(t)).containsExactly("市发展改革委");
        assertThat(supporting(t)).containsExactly("市财政局", "市审计局");
    }

    @Test
    void a_responsible_leader_is_kept_as_a_person_not_as_a_unit() {
        DraftTask t = Plans.annotated("（责任领导：张三、李四；牵头单位：市林业局）");
        assertThat(t.leaders()).containsExactly("张三", "李四");
        assertThat(lead(t)).containsExactly("市林业局");
    }

    @Test
    void a_time_limit_in_the_annotation_becomes_a_deadline() {
        DraftTask t = Plans.annotated("（责任单位：市林业局；整改时限：2018年6月底前）");
        assertThat(t.deadlines()).singleElement().satisfies(d -> {
            assertThat(d.date()).hasToString("2018-06-30");
            assertThat(d.phrase()).isEqualTo("2018年6月底前");
            assertThat(d.deliverable()).isEqualTo("加强监管");
        });
        assertThat(Plans.annotated("（责任单位：市林业局；完成时限：2019年）").deadlines())
            .extracting(d -> d.date().toString()).containsExactly("2019-12-31");
        assertThat(Plans.annotated("（责任单位：市林业局；整改时限：长期坚持）").ongoing()).isTrue();
        assertThat(Plans.annotated("（责任单位：市林业局；整改时限：立行立改）").immediate()).isTrue();
    }

    @Test
    void two_annotations_on_one_item_are_merged() {
        DraftTask t = Plans.annotated("（责任单位：市财政局）（配合单位：市审计局）（责任单位：市财政局、税务局）");
        assertThat(lead(t)).containsExactly("市财政局", "市税务局");
        assertThat(supporting(t)).containsExactly("市审计局");
    }

    @Test
    void a_label_on_a_line_of_its_own_is_an_annotation_too() {
        DraftPlan plan = Plans.parse("一、任务\n（一）加强监管。\n责任单位：市环境保护局；配合单位：市公安局\n");
        DraftTask t = plan.tasks().get(0);
        assertThat(lead(t)).containsExactly("市环境保护局");
        assertThat(supporting(t)).containsExactly("市公安局");
        assertThat(t.text()).isEqualTo("加强监管。");
    }

    @Test
    void the_word_in_running_text_is_not_an_annotation() {
        DraftPlan plan = Plans.parse("一、任务\n（一）各责任单位：务必高度重视,压实责任单位和责任人的责任。\n");
        assertThat(plan.tasks()).isEmpty();
    }

    @Test
    void an_annotation_that_is_never_closed_still_counts_and_is_flagged() {
        DraftPlan plan = Plans.parse("一、任务\n（一）加强监管。（责任单位：市环境保护局、公安局\n（二）其他。\n");
        assertThat(lead(plan.tasks().get(0))).containsExactly("市环境保护局", "市公安局");
        assertThat(plan.warnings()).extracting(ParseWarning::message)
            .anySatisfy(m -> assertThat(m).contains("not closed"));
    }

    @Test
    void parentheses_inside_an_annotation_do_not_end_it() {
        DraftTask t = Plans.annotated("(责任单位:各县(区)党委、政府,市环境保护局)");
        assertThat(lead(t)).containsExactly("[group] 各县(区)党委", "[group] 各县(区)政府", "市环境保护局");
    }

    @Test
    void an_item_without_a_lead_unit_is_flagged() {
        DraftPlan plan = Plans.parse("一、任务\n（一）加强监管。（配合单位：市公安局）\n");
        assertThat(plan.tasks()).hasSize(1);
        assertThat(plan.warnings()).extracting(ParseWarning::message)
            .contains("no lead unit named in the responsibility annotation");
    }
}
