package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class KnownUnitsResolverTests {

    private static KnownUnitsResolver resolver() throws IOException {
        return KnownUnitsResolver.fromCsv(
            new StringReader("""
                name,parent,level,type,aliases
                中共临沧市委,临沧市,CITY,PARTY_COMMITTEE,市委|临沧市委
                市环境保护局,临沧市人民政府,CITY,DEPARTMENT,市环保局
                "各县(区)党委办公室",,COUNTY,OFFICE,
                """),
            new StringReader("""
                group,members
                各县区党委,临翔区党委|云县党委
                """));
    }

    @Test
    void names_aliases_and_groups_resolve_to_the_canonical_name_without_an_id() throws IOException {
        KnownUnitsResolver r = resolver();
        assertThat(r.resolve("市环保局", false)).contains(new UnitMention("市环境保护局", false, null));
        assertThat(r.resolve("市委", false)).contains(new UnitMention("中共临沧市委", false, null));
        assertThat(r.resolve("各县区党委", true)).contains(new UnitMention("各县区党委", true, null));
        assertThat(r.resolve("市神秘局", false)).isEmpty();
    }

    @Test
    void names_compare_folded_and_without_spaces() throws IOException {
        assertThat(resolver().resolve("各县（区）党委办公室 ", false)).isPresent();
    }

    @Test
    void the_bundled_demo_list_knows_every_unit_of_the_seed_plan() throws IOException {
        var units = KnownUnitsResolverTests.class.getResourceAsStream("/demo/units.csv");
        var groups = KnownUnitsResolverTests.class.getResourceAsStream("/demo/unit-groups.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(units != null, "no bundled demo unit list");
        KnownUnitsResolver r = KnownUnitsResolver.fromCsv(
            new java.io.InputStreamReader(units, java.nio.charset.StandardCharsets.UTF_8),
            groups == null ? null : new java.io.InputStreamReader(groups, java.nio.charset.StandardCharsets.UTF_8));
        DraftPlan plan = new PlanParser().parse(LincangPlanTests.seed(), r);
        assertThat(plan.unresolved()).isEmpty();
    }
}
