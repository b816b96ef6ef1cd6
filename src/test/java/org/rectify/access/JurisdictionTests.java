package org.rectify.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Which office", alone: the unit paths of the demo's city (/1/), a county below it (/1/5/) and a sibling (/1/6/). */
class JurisdictionTests {

    private static Caller at(String unitPath, Role role) {
        DataScope scope = role == Role.ADMIN ? DataScope.ALL
                : role.isUnitRole() ? DataScope.ofUnit(unitPath) : DataScope.ofJurisdiction(unitPath);
        return new Caller(1, "u", "u", 1, "单位", role, scope);
    }

    @Test
    void an_office_governs_what_its_unit_runs_and_what_lies_below_it() {
        Caller city = at("/1/", Role.OFFICE);
        assertThat(city.governs("/1/")).isTrue();
        assertThat(city.governs("/1/5/")).isTrue();
        assertThat(city.governs("/1/5/17/")).isTrue();
    }

    @Test
    void a_county_office_governs_neither_its_parent_nor_a_sibling_nor_a_unit_whose_path_merely_starts_alike() {
        Caller county = at("/1/5/", Role.OFFICE);
        assertThat(county.governs("/1/5/")).isTrue();
        assertThat(county.governs("/1/")).isFalse();
        assertThat(county.governs("/1/6/")).isFalse();
        assertThat(county.governs("/1/50/")).isFalse(); // '/1/5/' is not a prefix of '/1/50/': paths end with '/'
        assertThat(county.governs(null)).isFalse(); // an object of all units belongs to the administrators
    }

    @Test
    void supervisors_and_leaders_follow_the_same_rule_and_unit_staff_govern_nothing() {
        assertThat(at("/1/5/", Role.SUPERVISOR).governs("/1/5/")).isTrue();
        assertThat(at("/1/5/", Role.SUPERVISOR).governs("/1/")).isFalse();
        assertThat(at("/1/", Role.LEADER).governs("/1/5/")).isTrue();
        assertThat(at("/1/5/", Role.UNIT_STAFF).governs("/1/5/")).isFalse();
        assertThat(at("/1/5/", Role.UNIT_HEAD).governs("/1/5/")).isFalse();
    }

    @Test
    void administrators_govern_everything_even_objects_of_no_unit() {
        Caller admin = at(null, Role.ADMIN);
        assertThat(admin.governs("/1/")).isTrue();
        assertThat(admin.governs("/9/")).isTrue();
        assertThat(admin.governs(null)).isTrue();
    }
}
