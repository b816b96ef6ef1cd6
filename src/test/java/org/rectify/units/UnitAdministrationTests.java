package org.rectify.units;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.platform.ConflictException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.RectifyException;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.units.UnitFiles.unique;

@IntegrationTest
class UnitAdministrationTests {

    @Autowired
    UnitAdministration administration;
    @Autowired
    Units units;
    @Autowired
    KeptUnitPaths keptPaths;

    private Unit root() {
        return administration.create(new NewUnit(null, unique("测试市"), UnitLevel.CITY, UnitType.REGION));
    }

    private Unit under(Unit parent, String name, UnitLevel level, UnitType type) {
        return administration.create(new NewUnit(parent.id(), unique(name), level, type));
    }

    @Test
    void a_new_unit_gets_a_path_under_its_parent() {
        Unit city = root();
        Unit government = under(city, "测试市人民政府", UnitLevel.CITY, UnitType.GOVERNMENT);
        Unit bureau = under(government, "测试市财政局", UnitLevel.CITY, UnitType.DEPARTMENT);

        assertThat(city.path()).isEqualTo("/" + city.id() + "/");
        assertThat(bureau.path()).isEqualTo(city.path() + government.id() + "/" + bureau.id() + "/");
        assertThat(bureau.parentId()).isEqualTo(government.id());
        assertThat(bureau.depth()).isEqualTo(2);
        assertThat(units.subtree(city.id())).extracting(Unit::id).containsExactly(city.id(), government.id(), bureau.id());
    }

    @Test
    void renaming_a_unit_keeps_its_old_name_as_an_alias_and_bumps_its_version() {
        Unit bureau = under(root(), "测试市环境保护局", UnitLevel.CITY, UnitType.DEPARTMENT);
        String newName = unique("测试市生态环境局");

        Unit renamed = administration.rename(bureau.id(), newName, bureau.version());

        assertThat(renamed.name()).isEqualTo(newName);
        assertThat(renamed.version()).isEqualTo(bureau.version() + 1);
        assertThat(units.aliases(bureau.id())).contains(bureau.name());
        assertThat(units.resolve(bureau.name())).contains(new UnitReference.OfUnit(bureau.id(), newName));
    }

    @Test
    void renaming_with_a_stale_version_is_refused_as_a_conflict() {
        Unit bureau = under(root(), "测试局", UnitLevel.CITY, UnitType.DEPARTMENT);
        administration.rename(bureau.id(), unique("测试局新名"), bureau.version());

        assertThatThrownBy(() -> administration.rename(bureau.id(), unique("测试局又一名"), bureau.version()))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((RectifyException) e).kind().status).isEqualTo(409));
        assertThatThrownBy(() -> administration.update(bureau.id(), unique("测试局"), UnitLevel.CITY, UnitType.OFFICE,
                bureau.version())).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_unit_may_take_back_one_of_its_own_aliases_as_its_name() {
        Unit bureau = under(root(), "测试市环保局", UnitLevel.CITY, UnitType.DEPARTMENT);
        Unit renamed = administration.rename(bureau.id(), unique("测试市生态局"), bureau.version());

        Unit back = administration.rename(bureau.id(), bureau.name(), renamed.version());

        assertThat(back.name()).isEqualTo(bureau.name());
        assertThat(units.aliases(bureau.id())).contains(renamed.name()).doesNotContain(bureau.name());
    }

    @Test
    void update_changes_name_level_and_type_at_once() {
        Unit unit = under(root(), "测试办", UnitLevel.CITY, UnitType.OFFICE);
        String name = unique("测试委员会");

        Unit updated = administration.update(unit.id(), name, UnitLevel.COUNTY, UnitType.DEPARTMENT, unit.version());

        assertThat(updated).extracting(Unit::name, Unit::level, Unit::type).containsExactly(name, UnitLevel.COUNTY, UnitType.DEPARTMENT);
        assertThat(units.aliases(unit.id())).containsExactly(unit.name());
    }

    @Test
    void moving_a_unit_repaths_its_whole_subtree() {
        Unit city = root();
        Unit county = under(city, "测试县", UnitLevel.COUNTY, UnitType.REGION);
        Unit government = under(county, "测试县政府", UnitLevel.COUNTY, UnitType.GOVERNMENT);
        Unit bureau = under(government, "测试县水务局", UnitLevel.COUNTY, UnitType.DEPARTMENT);
        Unit otherCity = root();
        assertThat(keptPaths.path(bureau.id())).contains(bureau.path());

        administration.move(county.id(), otherCity.id());

        String countyPath = otherCity.path() + county.id() + "/";
        assertThat(units.get(county.id()).path()).isEqualTo(countyPath);
        assertThat(keptPaths.path(bureau.id())).as("kept a moment ago, moved since on this node")
                .contains(countyPath + government.id() + "/" + bureau.id() + "/");
        assertThat(keptPaths.path(bureau.id() + 1_000_000)).as("no such unit").isEmpty();
        assertThat(units.get(county.id()).parentId()).isEqualTo(otherCity.id());
        assertThat(units.get(government.id()).path()).isEqualTo(countyPath + government.id() + "/");
        assertThat(units.get(bureau.id()).path()).isEqualTo(countyPath + government.id() + "/" + bureau.id() + "/");
        assertThat(units.subtree(city.id())).extracting(Unit::id).containsExactly(city.id());
        assertThat(units.subtree(otherCity.id())).hasSize(4);
    }

    @Test
    void moving_a_unit_under_itself_or_its_own_sub_unit_is_refused() {
        Unit city = root();
        Unit county = under(city, "测试县", UnitLevel.COUNTY, UnitType.REGION);
        Unit township = under(county, "测试镇", UnitLevel.TOWNSHIP, UnitType.REGION);

        assertThatThrownBy(() -> administration.move(county.id(), county.id()))
                .isInstanceOf(InvalidInputException.class).hasMessage("unit.moveIntoItself");
        assertThatThrownBy(() -> administration.move(county.id(), township.id()))
                .isInstanceOf(InvalidInputException.class).hasMessage("unit.moveIntoItself");
        assertThat(units.get(township.id()).path()).isEqualTo(township.path());
    }

    @Test
    void a_name_already_used_as_a_name_an_alias_or_a_group_names_nothing_else() {
        Unit city = root();
        Unit bureau = under(city, "测试市住房和城乡建设局", UnitLevel.CITY, UnitType.DEPARTMENT);
        String alias = unique("测试市住建局");
        administration.addAlias(bureau.id(), alias);
        UnitGroup group = administration.createGroup(unique("测试各部门"), null, List.of(bureau.id()));

        for (String taken : List.of(bureau.name(), alias, group.name())) {
            assertThatThrownBy(() -> administration.create(new NewUnit(city.id(), taken, UnitLevel.CITY, UnitType.DEPARTMENT)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("unit.nameTaken");
            assertThatThrownBy(() -> administration.addAlias(city.id(), taken))
                    .isInstanceOf(InvalidInputException.class).hasMessage("unit.nameTaken");
            assertThatThrownBy(() -> administration.createGroup(taken, null, List.of(bureau.id())))
                    .isInstanceOf(InvalidInputException.class).hasMessage("unit.nameTaken");
        }
        // written with ASCII parentheses and spaces, it is still the same name
        Unit withBrackets = under(city, "测试（筹）", UnitLevel.CITY, UnitType.OFFICE);
        assertThatThrownBy(() -> administration.create(new NewUnit(city.id(), " " + withBrackets.name().replace('（', '(')
                .replace('）', ')'), UnitLevel.CITY, UnitType.OFFICE))).hasMessage("unit.nameTaken");
    }

    @Test
    void a_group_has_the_members_it_was_given_and_setting_members_replaces_them() {
        Unit city = root();
        Unit a = under(city, "测试甲县党委", UnitLevel.COUNTY, UnitType.PARTY_COMMITTEE);
        Unit b = under(city, "测试乙县党委", UnitLevel.COUNTY, UnitType.PARTY_COMMITTEE);
        Unit c = under(city, "测试丙县党委", UnitLevel.COUNTY, UnitType.PARTY_COMMITTEE);

        UnitGroup group = administration.createGroup(unique("测试各县党委"), "三个县", List.of(a.id(), b.id()));
        assertThat(group.memberIds()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(units.resolve(group.name())).contains(new UnitReference.OfGroup(group.id(), group.name()));

        UnitGroup changed = administration.setMembers(group.id(), List.of(b.id(), c.id()));
        assertThat(changed.memberIds()).containsExactlyInAnyOrder(b.id(), c.id());

        String newName = unique("测试各县委");
        assertThat(administration.updateGroup(group.id(), newName, "  ").name()).isEqualTo(newName);
        assertThat(units.group(group.id()).description()).isNull();
        assertThatThrownBy(() -> administration.setMembers(group.id(), List.of(a.id(), 999_999_999L)))
                .isInstanceOf(UnitNotFound.class);
    }

    @Test
    void retiring_a_unit_frees_its_name_but_not_while_it_has_current_sub_units() {
        Unit city = root();
        Unit bureau = under(city, "测试市环境保护局", UnitLevel.CITY, UnitType.DEPARTMENT);
        Unit office = under(bureau, "测试局办公室", UnitLevel.CITY, UnitType.OFFICE);

        assertThatThrownBy(() -> administration.retire(bureau.id(), LocalDate.of(2019, 3, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("unit.retireHasChildren");

        administration.retire(office.id(), LocalDate.of(2019, 3, 1));
        Unit retired = administration.retire(bureau.id(), LocalDate.of(2019, 3, 1));

        assertThat(retired.isCurrent()).isFalse();
        assertThat(retired.validTo()).isEqualTo(LocalDate.of(2019, 3, 1));
        Unit successor = administration.create(new NewUnit(city.id(), bureau.name(), UnitLevel.CITY, UnitType.DEPARTMENT));
        assertThat(units.resolve(bureau.name())).contains(new UnitReference.OfUnit(successor.id(), bureau.name()));
        // the old one cannot come back while the successor holds its name
        assertThatThrownBy(() -> administration.setValidity(bureau.id(), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessage("unit.nameTaken");
    }

    @Test
    void a_unit_cannot_end_before_it_starts() {
        Unit unit = under(root(), "测试中心", UnitLevel.CITY, UnitType.OFFICE);

        assertThatThrownBy(() -> administration.setValidity(unit.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("unit.validityOrder");
        assertThat(administration.setValidity(unit.id(), LocalDate.of(2019, 1, 1), null).validFrom())
                .isEqualTo(LocalDate.of(2019, 1, 1));
    }
}
