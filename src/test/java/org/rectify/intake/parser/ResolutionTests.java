package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ResolutionTests {

    private static final String PLAN = "一、任务\n（一）加强监管。（责任单位：市环保局,各县区党委、政府；配合单位：市神秘局）\n";

    /** A unit tree that knows an alias and a group. */
    private static final UnitResolver TREE = (name, group) -> Optional.ofNullable(Map.of(
        "市环保局", new UnitMention("市环境保护局", false, 7L),
        "各县区党委", new UnitMention("各县区党委", true, 100L),
        "各县区政府", new UnitMention("各县区政府", true, 101L)).get(name));

    @Test
    void resolved_mentions_keep_the_name_as_written_and_carry_the_unit_id_the_tree_name_and_the_rule() {
        DraftTask t = new PlanParser().parse(PLAN, TREE).tasks().get(0);
        assertThat(t.leadUnits()).containsExactly(
            new UnitMention("市环保局", false, 7L, "市环境保护局", ResolutionRule.AS_WRITTEN),
            new UnitMention("各县区党委", true, 100L, "各县区党委", ResolutionRule.AS_WRITTEN),
            new UnitMention("各县区政府", true, 101L, "各县区政府", ResolutionRule.AS_WRITTEN));
    }

    @Test
    void what_does_not_resolve_stays_on_the_task_and_is_listed_for_review() {
        DraftPlan plan = new PlanParser().parse(PLAN, TREE);
        assertThat(plan.tasks().get(0).supportingUnits()).containsExactly(new UnitMention("市神秘局", false, null));
        assertThat(plan.unresolved()).containsExactly(new UnresolvedMention("一(一)", "市神秘局"));
    }

    @Test
    void with_no_unit_tree_every_mention_is_listed_and_kept() {
        DraftPlan plan = new PlanParser().parse(PLAN, UnitResolver.NONE);
        assertThat(plan.unresolved()).extracting(UnresolvedMention::mention)
            .containsExactly("市环保局", "各县区党委", "各县区政府", "市神秘局");
        assertThat(plan.tasks().get(0).leadUnits()).hasSize(3);
    }

    @Test
    void a_null_resolver_or_null_text_is_treated_as_none_and_empty() {
        assertThat(new PlanParser().parse(PLAN, null).unresolved()).hasSize(4);
        assertThat(new PlanParser().parse(null, null).tasks()).isEmpty();
    }
}
