package org.rectify.units;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.rectify.units.UnitFiles.unique;
import static org.rectify.units.UnitFiles.utf8;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UnitPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration administration;
    @Autowired
    UnitTreeImport unitImport;

    @Test
    void an_administrator_sees_the_tree_with_lincang_and_its_environmental_protection_bureau_and_alias() throws Exception {
        mvc.perform(get("/admin/units").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("临沧市"), containsString("市环境保护局"),
                        containsString("市环保局"), containsString("各县区党委"), containsString("单位树"))));
    }

    @Test
    void the_tree_can_be_searched_by_alias() throws Exception {
        mvc.perform(get("/admin/units").param("q", "市督察办").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("找到 1 个"),
                        containsString("市环境保护督察工作领导小组办公室"), containsString("市环境保护督察工作领导小组"),
                        not(containsString("孟定镇")))));
    }

    @Test
    void the_office_may_not_open_the_unit_pages_nor_create_units_through_the_api() throws Exception {
        mvc.perform(get("/admin/units").with(office())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units/groups").with(office())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units/import").with(office())).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/units").with(office()).contentType("application/json")
                        .content("{\"name\":\"x\",\"level\":\"CITY\",\"type\":\"OFFICE\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void creating_a_unit_through_the_page_stores_it_under_the_chosen_parent() throws Exception {
        Unit lincang = unit("临沧市");
        String name = unique("页面新建中心");

        MvcResult result = mvc.perform(post("/admin/units").with(admin()).with(csrf())
                        .param("parentId", String.valueOf(lincang.id())).param("name", name)
                        .param("level", "CITY").param("type", "OFFICE").param("validFrom", "2019-03-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString(name)))
                .andReturn();

        Unit created = unit(name);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/units/" + created.id());
        assertThat(created.parentId()).isEqualTo(lincang.id());
        assertThat(created.type()).isEqualTo(UnitType.OFFICE);
        assertThat(created.validFrom()).hasToString("2019-03-01");
        mvc.perform(get("/admin/units/" + created.id()).with(admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
    }

    @Test
    void a_unit_without_a_name_or_with_a_taken_name_is_not_created_and_the_form_says_why() throws Exception {
        mvc.perform(post("/admin/units").with(admin()).with(csrf()).param("name", " ").param("level", "CITY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("请填写单位名称"), containsString("请选择类型"),
                        containsString("is-invalid"))));
        mvc.perform(post("/admin/units").with(admin()).with(csrf()).param("name", "市环保局")
                        .param("level", "CITY").param("type", "DEPARTMENT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("名称“市环保局”已被其他单位、别名或单位组使用")));
    }

    @Test
    void renaming_through_the_page_keeps_the_old_name_as_an_alias() throws Exception {
        Unit unit = administration.create(new NewUnit(unit("临沧市").id(), unique("页面改名局"), UnitLevel.CITY, UnitType.DEPARTMENT));
        String newName = unique("页面新名局");

        mvc.perform(post("/admin/units/" + unit.id()).with(admin()).with(csrf()).param("name", newName)
                        .param("level", "CITY").param("type", "DEPARTMENT").param("version", String.valueOf(unit.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/units/" + unit.id()));

        assertThat(units.get(unit.id()).name()).isEqualTo(newName);
        assertThat(units.aliases(unit.id())).contains(unit.name());

        // the same form again, with the version it was opened at: someone else's change is not overwritten
        mvc.perform(post("/admin/units/" + unit.id()).with(admin()).with(csrf()).param("name", unique("页面第三名"))
                        .param("level", "CITY").param("type", "DEPARTMENT").param("version", String.valueOf(unit.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该内容已被他人修改")));
        assertThat(units.get(unit.id()).name()).isEqualTo(newName);
    }

    @Test
    void moving_through_the_page_moves_the_subtree_and_moving_under_itself_is_refused() throws Exception {
        Unit lincang = unit("临沧市");
        Unit unit = administration.create(new NewUnit(lincang.id(), unique("页面移动办"), UnitLevel.CITY, UnitType.OFFICE));
        Unit child = administration.create(new NewUnit(unit.id(), unique("页面移动科"), UnitLevel.CITY, UnitType.OFFICE));
        Unit government = unit("临沧市人民政府");

        mvc.perform(post("/admin/units/" + unit.id() + "/move").with(admin()).with(csrf())
                        .param("parentId", String.valueOf(government.id())))
                .andExpect(status().is3xxRedirection());

        assertThat(units.get(unit.id()).parentId()).isEqualTo(government.id());
        assertThat(units.get(child.id()).path()).startsWith(government.path() + unit.id() + "/");

        mvc.perform(post("/admin/units/" + unit.id() + "/move").with(admin()).with(csrf())
                        .param("parentId", String.valueOf(child.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不能把单位移到它自己或它的下级单位之下")));
    }

    @Test
    void aliases_are_added_and_removed_in_place_with_htmx() throws Exception {
        Unit unit = administration.create(new NewUnit(unit("临沧市").id(), unique("页面别名局"), UnitLevel.CITY, UnitType.DEPARTMENT));
        String alias = unique("页面简称");

        mvc.perform(post("/admin/units/" + unit.id() + "/aliases").with(admin()).with(csrf())
                        .header("HX-Request", "true").param("alias", alias))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"aliases\""), containsString(alias),
                        not(containsString("<html")))));
        assertThat(units.aliases(unit.id())).containsExactly(alias);

        mvc.perform(post("/admin/units/" + unit.id() + "/aliases").with(admin()).with(csrf())
                        .header("HX-Request", "true").param("alias", "市环保局"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("is-invalid"), containsString("已被其他单位"))));

        mvc.perform(post("/admin/units/" + unit.id() + "/aliases/delete").with(admin()).with(csrf()).param("alias", alias))
                .andExpect(status().is3xxRedirection());
        assertThat(units.aliases(unit.id())).isEmpty();
    }

    @Test
    void retiring_through_the_page_sets_the_end_date() throws Exception {
        Unit unit = administration.create(new NewUnit(unit("临沧市").id(), unique("页面撤销办"), UnitLevel.CITY, UnitType.OFFICE));

        mvc.perform(post("/admin/units/" + unit.id() + "/retire").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(units.get(unit.id()).isCurrent()).isFalse();

        mvc.perform(post("/admin/units/" + unit.id() + "/validity").with(admin()).with(csrf())
                        .param("validFrom", "2020-01-01").param("validTo", "2019-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("停用日期不能早于启用日期")));
    }

    @Test
    void groups_are_listed_created_and_edited_on_their_page() throws Exception {
        mvc.perform(get("/admin/units/groups").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("各县区党委"), containsString("沧源自治县党委"))));

        String name = unique("页面各县政府");
        long a = unit("临翔区政府").id();
        long b = unit("凤庆县政府").id();
        mvc.perform(post("/admin/units/groups").with(admin()).with(csrf()).param("name", name)
                        .param("memberIds", String.valueOf(a), String.valueOf(b)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/units/groups"));
        UnitGroup group = units.group(units.resolve(name).orElseThrow().id());
        assertThat(group.memberIds()).containsExactlyInAnyOrder(a, b);

        mvc.perform(get("/admin/units/groups/" + group.id()).with(admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("checked")));
        mvc.perform(post("/admin/units/groups/" + group.id()).with(admin()).with(csrf()).param("name", name)
                        .param("description", "两个县").param("memberIds", String.valueOf(b)))
                .andExpect(status().is3xxRedirection());
        assertThat(units.group(group.id()).memberIds()).containsExactly(b);
        assertThat(units.group(group.id()).description()).isEqualTo("两个县");

        mvc.perform(post("/admin/units/groups").with(admin()).with(csrf()).param("name", unique("页面空组")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请至少选择一个成员单位")));
    }

    @Test
    void the_import_page_shows_the_row_errors_of_a_rejected_file() throws Exception {
        mvc.perform(get("/admin/units/import").with(admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("导入单位树")));
        String good = unique("页面导入局");
        byte[] file = utf8("名称,上级单位,层级,类型\n" + good + ",临沧市,市级,部门\n" + unique("页面导入办") + ",没有的上级,市级,办公室\n");

        mvc.perform(multipart("/admin/units/import/tree").file(new MockMultipartFile("file", "坏文件.csv", "text/csv", file))
                        .with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"row-errors\""), containsString("坏文件.csv"),
                        containsString("文件中有 1 处错误"), containsString(">3<"),
                        containsString("找不到上级单位“没有的上级”"))));
        assertThat(units.resolve(good)).isEmpty();
    }

    @Test
    void a_good_file_imported_through_the_page_reports_what_it_did() throws Exception {
        String good = unique("页面导入中心");
        byte[] file = utf8("name,parent,level,type\n" + good + ",临沧市,CITY,OFFICE\n");

        mvc.perform(multipart("/admin/units/import/tree").file(new MockMultipartFile("file", "tree.csv", "text/csv", file))
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/units*"))
                .andExpect(flash().attribute("flash", containsString("新建 1 个单位")));
        assertThat(units.resolve(good)).isPresent();

        mvc.perform(multipart("/admin/units/import/groups").with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请选择要上传的文件")));
    }

    @Test
    void the_current_tree_downloads_as_a_csv_that_loads_back_without_changes() throws Exception {
        byte[] csv = mvc.perform(get("/admin/units/import/units.csv").with(admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF名称,上级单位,层级,类型,别名,启用日期")
                .contains("市环境保护局,临沧市人民政府,CITY,DEPARTMENT,市环保局");
        assertThat(unitImport.load("units.csv", new java.io.ByteArrayInputStream(csv)).changedNothing()).isTrue();
        for (String template : List.of("template-units.csv", "template-groups.csv", "unit-groups.csv")) {
            mvc.perform(get("/admin/units/import/" + template).with(admin())).andExpect(status().isOk());
        }
    }

    private Unit unit(String name) {
        return units.get(units.resolve(name).orElseThrow().id());
    }
}
