package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutlineTests {

    private static final String PLAN = """
        某市环境问题整改方案
        一、总体要求
        （一）提高认识。统一思想。
        二、重点任务
        （一）强化决策部署。研究部署。（责任单位：市委办公室）
        (二)加强监管
        1.部门联动。建立机制。(责任单位:市发展改革委)
        2．环评联动。把好关口。（责任单位：市环境保护局）
        3、执法联动。联合执法。（责任单位：市公安局）
        三、健全体制
        建立健全管护机构。（责任单位：市林业局）
        """;

    @Test
    void sections_items_and_sub_items_in_either_punctuation_give_references() {
        DraftPlan plan = Plans.parse(PLAN);
        assertThat(plan.tasks()).extracting(DraftTask::ref)
            .containsExactly("二(一)", "二(二)1", "二(二)2", "二(二)3", "三");
        assertThat(plan.title()).isEqualTo("某市环境问题整改方案");
    }

    @Test
    void items_without_an_annotation_are_context_not_tasks() {
        DraftPlan plan = Plans.parse(PLAN);
        assertThat(plan.task("一(一)")).isEmpty();
        assertThat(plan.task("二(二)")).isEmpty();
    }

    @Test
    void the_title_is_the_heading_phrase_up_to_the_first_full_stop() {
        DraftPlan plan = Plans.parse(PLAN);
        assertThat(plan.task("二(一)").orElseThrow().title()).isEqualTo("强化决策部署");
        assertThat(plan.task("二(二)2").orElseThrow().title()).isEqualTo("环评联动");
        assertThat(plan.task("三").orElseThrow().title()).as("a section heading on its own line").isEqualTo("健全体制");
    }

    @Test
    void an_item_that_starts_with_a_sentence_has_no_title() {
        DraftTask t = Plans.parse("一、任务\n1.市委督查室、市政府督查室要严格督促,持续推进。（责任单位：市委督查室）")
            .tasks().get(0);
        assertThat(t.title()).isNull();
    }

    @Test
    void the_text_leaves_out_the_marker_and_the_annotation_and_the_offsets_cover_both() {
        DraftPlan plan = Plans.parse(PLAN);
        DraftTask t = plan.task("二(二)1").orElseThrow();
        assertThat(t.text()).isEqualTo("部门联动。建立机制。");
        assertThat(PLAN.substring(t.sourceStart(), t.sourceEnd())).isEqualTo("1.部门联动。建立机制。(责任单位:市发展改革委)");
    }

    @Test
    void a_task_without_tasks_below_it_takes_its_context_sub_items_as_its_text() {
        String text = """
            一、任务
            （一）强化源头严防。（责任单位：市环境保护局）
            1.部门联动。
            2.环评联动。
            二、保障
            """;
        DraftTask t = Plans.parse(text).tasks().get(0);
        assertThat(t.ref()).isEqualTo("一(一)");
        assertThat(t.text()).isEqualTo("强化源头严防。\n1.部门联动。\n2.环评联动。");
        assertThat(text.substring(t.sourceStart(), t.sourceEnd())).endsWith("2.环评联动。");
    }

    @Test
    void markers_inside_a_line_are_words_not_structure() {
        DraftPlan plan = Plans.parse("一、任务\n（一）落实一、二级保护区要求和(一)类标准,完成1.5万亩。（责任单位：市林业局）");
        assertThat(plan.tasks()).extracting(DraftTask::ref).containsExactly("一(一)");
    }

    @Test
    void web_page_noise_before_the_title_is_skipped() {
        DraftPlan plan = Plans.parse("""
            首页 >> 图文材料

            某县整改落实方案
            时间:2018-02-07 09:29:00 | 文章来源:县政府办 | 点击量
            一、任务
            """);
        assertThat(plan.title()).isEqualTo("某县整改落实方案");
    }

    @Test
    void an_annotation_outside_the_outline_still_makes_a_task_and_a_warning() {
        DraftPlan plan = Plans.parse("做好整改工作。（责任单位：市环境保护局）\n一、任务\n");
        assertThat(plan.tasks()).singleElement().satisfies(t -> {
            assertThat(t.ref()).isEmpty();
            assertThat(t.leadUnits()).extracting(UnitMention::name).containsExactly("市环境保护局");
        });
        assertThat(plan.warnings()).extracting(ParseWarning::message)
            .anySatisfy(m -> assertThat(m).contains("outside the numbered outline"));
    }

    @Test
    void the_appendix_line_ends_the_last_item() {
        DraftPlan plan = Plans.parse("一、任务\n（一）加强监管。（责任单位：市环境保护局）\n附件：任务分解表\n");
        assertThat(plan.tasks().get(0).text()).isEqualTo("加强监管。");
    }

    @Test
    void a_repeated_reference_is_flagged() {
        DraftPlan plan = Plans.parse("一、任务\n（一）甲。（责任单位：市财政局）\n（一）乙。（责任单位：市审计局）\n");
        assertThat(plan.tasks()).hasSize(2);
        assertThat(plan.warnings()).extracting(ParseWarning::message)
            .anySatisfy(m -> assertThat(m).contains("occurs more than once"));
    }

    @Test
    void a_plan_without_annotations_has_no_tasks_and_says_so() {
        DraftPlan plan = Plans.parse("一、总体要求\n（一）提高认识。\n");
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.warnings()).extracting(ParseWarning::message).containsExactly(
            "no responsibility annotation found, so no tasks");
    }

    @Test
    void windows_line_ends_and_full_width_indentation_are_handled() {
        DraftPlan plan = Plans.parse("一、任务\r\n\u3000\u3000（一）加强监管。\r\n继续推进。（责任单位：市环境保护局）\r\n");
        DraftTask t = plan.tasks().get(0);
        assertThat(t.ref()).isEqualTo("一(一)");
        assertThat(t.text()).isEqualTo("加强监管。\n继续推进。");
    }
}
