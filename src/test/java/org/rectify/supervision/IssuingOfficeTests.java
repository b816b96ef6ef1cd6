package org.rectify.supervision;

import org.junit.jupiter.api.Test;
import org.rectify.access.Role;
import org.rectify.units.Unit;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who signs a 督办单 or a 通报 issued from a region's account: plain values, no database. */
class IssuingOfficeTests {

    private static final Unit CITY = unit(1, null, "临沧市", UnitLevel.CITY, UnitType.REGION);
    private static final List<Unit> CITY_TREE = List.of(CITY,
            unit(2, 1L, "中共临沧市委", UnitLevel.CITY, UnitType.PARTY_COMMITTEE),
            unit(3, 2L, "市委督查室", UnitLevel.CITY, UnitType.OFFICE),
            unit(4, 1L, "临沧市人民政府", UnitLevel.CITY, UnitType.GOVERNMENT),
            unit(5, 4L, "市政府督查室", UnitLevel.CITY, UnitType.OFFICE),
            unit(6, 1L, "市环境保护督察工作领导小组", UnitLevel.CITY, UnitType.GROUP),
            unit(7, 6L, "市环境保护督察工作领导小组办公室", UnitLevel.CITY, UnitType.OFFICE),
            unit(8, 1L, "市提升城乡人居环境行动领导小组", UnitLevel.CITY, UnitType.GROUP),
            unit(9, 8L, "市人居办", UnitLevel.CITY, UnitType.OFFICE),
            unit(10, 1L, "临翔区", UnitLevel.COUNTY, UnitType.REGION),
            unit(11, 10L, "临翔区委督查室", UnitLevel.COUNTY, UnitType.OFFICE));

    @Test
    void the_office_signs_as_the_inspection_leading_groups_office_not_as_the_city() {
        assertThat(IssuingOffice.nameFor(CITY, CITY_TREE, Role.OFFICE)).isEqualTo("市环境保护督察工作领导小组办公室");
    }

    @Test
    void a_supervisor_signs_as_the_regions_own_supervision_office() {
        assertThat(IssuingOffice.nameFor(CITY, CITY_TREE, Role.SUPERVISOR)).isEqualTo("市委督查室");
    }

    @Test
    void a_region_without_such_an_office_signs_with_its_own_name() {
        Unit county = CITY_TREE.get(9);
        List<Unit> countyTree = List.of(county, unit(12, 10L, "临翔区政府", UnitLevel.COUNTY, UnitType.GOVERNMENT));
        assertThat(IssuingOffice.nameFor(county, countyTree, Role.OFFICE)).isEqualTo("临翔区");
        assertThat(IssuingOffice.nameFor(county, countyTree, Role.SUPERVISOR)).isEqualTo("临翔区");
    }

    private static Unit unit(long id, Long parentId, String name, UnitLevel level, UnitType type) {
        return new Unit(id, parentId, name, level, type, "/" + id + "/", null, null, 0);
    }
}
