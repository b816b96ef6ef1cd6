package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A mention keeps the name the plan writes; resolution finds the unit by the equivalences offices use. */
class MentionResolutionTests {

    /** A unit tree with present-day official names only. */
    private static final Map<String, Long> TREE_NAMES = Map.of(
        "县住房和城乡建设局", 1L, "县人民政府", 2L, "县发展和改革委员会", 3L, "县生态环境局", 4L,
        "县林业和草原局", 5L, "县卫生健康委员会", 6L, "县自然资源与规划局", 7L, "县文化和旅游局", 8L);

    private static final UnitResolver TREE = (name, group) -> Optional.ofNullable(TREE_NAMES.get(name))
        .map(id -> new UnitMention(name, false, id));

    private static UnitMention lead(String annotation) {
        DraftPlan plan = new PlanParser().parse("一、测试\n（一）加强监管。（责任单位：" + annotation + "）\n", TREE);
        assertThat(plan.unresolved()).isEmpty();
        return plan.tasks().get(0).leadUnits().get(0);
    }

    @Test
    void a_name_the_tree_knows_resolves_as_written() {
        assertThat(lead("县住房和城乡建设局"))
            .isEqualTo(new UnitMention("县住房和城乡建设局", false, 1L, "县住房和城乡建设局", ResolutionRule.AS_WRITTEN));
    }

    @Test
    void a_和_dropped_by_the_plan_stays_dropped_in_the_mention_and_resolution_says_why() {
        assertThat(lead("县住房城乡建设局"))
            .isEqualTo(new UnitMention("县住房城乡建设局", false, 1L, "县住房和城乡建设局", ResolutionRule.CONJUNCTION));
    }

    @Test
    void 与_written_for_和_or_dropped_where_the_tree_has_it_resolves_by_the_conjunction_rule() {
        assertThat(lead("县文化与旅游局"))
            .isEqualTo(new UnitMention("县文化与旅游局", false, 8L, "县文化和旅游局", ResolutionRule.CONJUNCTION));
        assertThat(lead("县自然资源规划局"))
            .isEqualTo(new UnitMention("县自然资源规划局", false, 7L, "县自然资源与规划局", ResolutionRule.CONJUNCTION));
        assertThat(lead("县自然资源和规划局"))
            .isEqualTo(new UnitMention("县自然资源和规划局", false, 7L, "县自然资源与规划局", ResolutionRule.CONJUNCTION));
        assertThat(lead("县文化旅游局").unitId()).isEqualTo(8L);
    }

    @Test
    void 人民政府_written_in_full_finds_a_tree_that_says_政府() {
        UnitResolver tree = (name, group) -> "县政府".equals(name) ? Optional.of(new UnitMention(name, false, 9L))
            : Optional.empty();
        DraftPlan plan = new PlanParser().parse("一、测试\n（一）加强监管。（责任单位：县人民政府）\n", tree);
        assertThat(plan.tasks().get(0).leadUnits())
            .containsExactly(new UnitMention("县人民政府", false, 9L, "县政府", ResolutionRule.GOVERNMENT));
    }

    @Test
    void 政府_and_人民政府_are_the_same_unit() {
        assertThat(lead("县政府"))
            .isEqualTo(new UnitMention("县政府", false, 2L, "县人民政府", ResolutionRule.GOVERNMENT));
    }

    @Test
    void 委_stands_for_委员会_even_without_its_和() {
        assertThat(lead("县发展改革委"))
            .isEqualTo(new UnitMention("县发展改革委", false, 3L, "县发展和改革委员会", ResolutionRule.COMMITTEE));
    }

    @Test
    void a_former_name_resolves_to_the_reorganised_unit() {
        assertThat(lead("县环境保护局"))
            .isEqualTo(new UnitMention("县环境保护局", false, 4L, "县生态环境局", ResolutionRule.FORMER_NAME));
        assertThat(lead("县林业局").unitId()).isEqualTo(5L);
        assertThat(lead("县卫生计生委").unitId()).isEqualTo(6L);
    }

    @Test
    void the_level_prefix_is_carried_over_before_resolution_and_shows_in_the_written_name() {
        DraftPlan plan = new PlanParser().parse(
            "一、测试\n（一）加强监管。（责任单位：县发展改革委、住房城乡建设局）\n", TREE);
        assertThat(plan.tasks().get(0).leadUnits()).extracting(UnitMention::name, UnitMention::unitId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("县发展改革委", 3L),
                org.assertj.core.groups.Tuple.tuple("县住房城乡建设局", 1L));
    }

    @Test
    void what_no_rule_finds_is_listed_with_its_written_name() {
        DraftPlan plan = new PlanParser().parse("一、测试\n（一）加强监管。（责任单位：县神秘局）\n", TREE);
        assertThat(plan.tasks().get(0).leadUnits()).containsExactly(new UnitMention("县神秘局", false, null));
        assertThat(plan.unresolved()).containsExactly(new UnresolvedMention("一(一)", "县神秘局"));
    }
}
