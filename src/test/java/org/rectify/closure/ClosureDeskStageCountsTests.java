package org.rectify.closure;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.platform.Paging;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closure desk's stage headings count the whole desk (every page), not the page shown: a page of one attempt still
 * says how many stand at each stage, equal to a live count of the filter, for the root office, a county office and
 * department staff, in flight and with ended attempts.
 */
@IntegrationTest
class ClosureDeskStageCountsTests {

    @Autowired
    ClosureViews views;
    @Autowired
    Units units;
    @Autowired
    DSLContext db;

    private Caller caller(String unitName, Role role) {
        var unit = units.get(units.resolve(unitName).orElseThrow().id());
        DataScope scope = role.isUnitRole() ? DataScope.ofUnit(unit.path()) : DataScope.ofJurisdiction(unit.path());
        return new Caller(1, "u", "测试", unit.id(), unit.name(), role, scope);
    }

    @Test
    void a_page_of_one_attempt_counts_every_attempt_of_the_desk_by_stage() {
        int rootAttempts = -1;
        for (Caller caller : List.of(caller("临沧市", Role.OFFICE), caller("临翔区", Role.OFFICE),
                caller("市环境保护局", Role.UNIT_STAFF))) {
            for (boolean ended : List.of(false, true)) {
                var all = views.desk(caller, ended, new Paging(0, 500)).rows();
                Map<ClosureStage, Integer> live = new EnumMap<>(ClosureStage.class);
                all.stream().collect(Collectors.groupingBy(ClosureSummary::stage, Collectors.counting()))
                        .forEach((stage, n) -> live.put(stage, n.intValue()));
                for (int page = 0; page < Math.max(all.size(), 1); page++) {
                    ClosureViews.Desk desk = views.deskByStage(caller, ended, new Paging(page, 1));
                    assertThat(desk.perStage()).as("%s ended=%s page %d", caller.unitName(), ended, page).isEqualTo(live);
                    assertThat(desk.page().total()).isEqualTo(all.size());
                }
                if (rootAttempts < 0 && ended) {
                    rootAttempts = all.size();
                }
            }
        }
        assertThat(rootAttempts).as("the demo's root office has closure attempts").isGreaterThan(1);
    }
}
