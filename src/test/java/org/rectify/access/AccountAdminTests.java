package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators create accounts bound to a unit; a new account signs in and sees its unit's scope. */
@IntegrationTest
class AccountAdminTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;

    @Test
    void an_administrator_creates_a_unit_account_that_then_signs_in_and_can_be_disabled() throws Exception {
        long unit = units.resolve("市林业局").orElseThrow().id();
        mvc.perform(post("/admin/accounts").param("username", "forestry-staff").param("displayName", "林业局经办人")
                        .param("unitId", String.valueOf(unit)).param("role", "UNIT_STAFF").param("password", "a-long-password")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/tasks").with(httpBasic("forestry-staff", "a-long-password"))).andExpect(status().isOk());
        long id = accounts.all().stream().filter(a -> a.username().equals("forestry-staff")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/accounts/{id}/enabled", id).param("enabled", "false").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/tasks").with(httpBasic("forestry-staff", "a-long-password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void a_bad_account_is_refused_at_its_fields_and_nothing_is_created() throws Exception {
        int before = accounts.all().size();
        mvc.perform(post("/admin/accounts").param("username", "x").param("displayName", "").param("password", "short")
                        .param("unitId", String.valueOf(units.resolve("临沧市").orElseThrow().id()))
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名为3至40位")))
                .andExpect(content().string(containsString("请填写姓名。")))
                .andExpect(content().string(containsString("请选择角色。")));
        assertThat(accounts.all()).hasSize(before);
    }

    @Test
    void the_accounts_come_a_page_at_a_time_and_the_page_writes_the_unit_tree_once() throws Exception {
        var all = accounts.all();
        var first = accounts.page(null, 0, 2);
        var second = accounts.page(null, 1, 2);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(all.subList(0, 4)).containsExactly(first.get(0), first.get(1), second.get(0), second.get(1));
        assertThat(accounts.count(null)).isEqualTo(all.size());

        String page = mvc.perform(get("/admin/accounts").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the new-account form holds the tree; each account's row only its unit, filled from there in the browser
        assertThat(page.split("data-path=", -1)).hasSize(units.tree().size() + 1);
        assertThat(page.split("data-unit-options-from=\"unitId\"", -1)).hasSize(Math.min(all.size(), 50) + 1);
        assertThat(page).contains("id=\"account-epb-staff\"");
    }

    @Test
    void an_administrator_finds_an_account_by_part_of_its_username_or_name_on_any_page() throws Exception {
        assertThat(accounts.page("linxiang-st", 0, 50)).extracting(a -> a.username()).containsExactly("linxiang-staff");
        assertThat(accounts.count("%")).as("the user's % is a character, not a wildcard").isZero();
        String found = mvc.perform(get("/admin/accounts").param("q", "LINXIANG-ST").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(found).contains("id=\"account-linxiang-staff\"").doesNotContain("id=\"account-epb-staff\"")
                .contains("value=\"LINXIANG-ST\"");
    }

    @Test
    void only_administrators_manage_accounts() throws Exception {
        mvc.perform(get("/admin/accounts").with(as("office"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/accounts").with(as("office"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("epb-staff")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("{bcrypt}"))));
    }
}
