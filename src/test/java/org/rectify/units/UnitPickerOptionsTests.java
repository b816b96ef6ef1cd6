package org.rectify.units;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the unit picker searches comes with the select's own options: each unit's path and its aliases (a unit
 * renamed or shortened is found by its other names), each group's members; and only the units the form offers.
 */
@IntegrationTest
class UnitPickerOptionsTests {

    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"([^>]*)>([^<]*)</option>");

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;

    @Test
    void a_units_option_carries_its_path_and_its_aliases_for_the_picker() throws Exception {
        Unit epb = units.get(units.resolve("市环境保护局").orElseThrow().id());
        String page = page("/tasks/new", "office");
        assertThat(page).contains("data-unit-picker-groups=\"leadGroupIds\"");
        String attributes = optionAttributes(page, epb.id());
        assertThat(attributes).contains("data-path=\"" + epb.path() + "\"").contains("data-aliases=\"市环保局\"");
        assertThat(optionAttributes(page, units.resolve("临沧市").orElseThrow().id())).doesNotContain("data-aliases");
    }

    @Test
    void a_groups_option_names_its_members_for_the_picker() throws Exception {
        UnitReference group = units.resolve("各县区党委").orElseThrow();
        List<Long> members = units.group(group.id()).memberIds();
        String page = page("/tasks/new", "office");
        Matcher m = Pattern.compile("<option value=\"" + group.id()
                + "\" data-members=\"([\\d,]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1).split(",")).hasSize(8).containsExactlyInAnyOrderElementsOf(
                members.stream().map(String::valueOf).toList());
    }

    @Test
    void a_county_office_is_offered_only_its_own_units_in_the_picker() throws Exception {
        String page = page("/admin/webhooks", "linxiang-office");
        List<Long> offered = offered(page);
        Unit linxiang = units.get(units.resolve("临翔区").orElseThrow().id());
        assertThat(offered).isNotEmpty().allSatisfy(id -> assertThat(units.get(id).path()).startsWith(linxiang.path()))
                .doesNotContain(units.resolve("市环境保护局").orElseThrow().id());
        assertThat(page).contains("data-unit-picker");
    }

    @Test
    void a_county_office_is_offered_its_own_subtree_on_the_task_form_and_no_city_wide_group() throws Exception {
        String page = page("/tasks/new", "linxiang-office");
        Unit linxiang = units.get(units.resolve("临翔区").orElseThrow().id());
        assertThat(offered(page)).isNotEmpty().allSatisfy(id -> assertThat(units.get(id).path()).startsWith(linxiang.path()))
                .doesNotContain(units.resolve("市环境保护局").orElseThrow().id());
        assertThat(page).doesNotContain("<option value=\"" + units.resolve("各县区党委").orElseThrow().id() + "\" data-members=");
        // the city's office is offered the whole city
        assertThat(offered(page("/tasks/new", "office"))).contains(units.resolve("市环境保护局").orElseThrow().id(),
                linxiang.id());
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username)))
                .andReturn().getResponse().getContentAsString();
    }

    private static String optionAttributes(String page, long unitId) {
        Matcher m = OPTION.matcher(page);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) == unitId && m.group(2).contains("data-path")) {
                return m.group(2);
            }
        }
        throw new AssertionError("no option for unit " + unitId);
    }

    private static List<Long> offered(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = OPTION.matcher(page);
        while (m.find()) {
            if (m.group(2).contains("data-path")) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }
}
