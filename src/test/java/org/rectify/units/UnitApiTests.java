package org.rectify.units;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.rectify.units.UnitFiles.unique;
import static org.rectify.units.UnitFiles.utf8;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UnitApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;

    @Test
    void the_office_reads_the_whole_tree_as_json() throws Exception {
        Unit city = unit("临沧市");
        Unit epb = unit("市环境保护局");
        mvc.perform(get("/api/units").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.name == '临沧市')].parentId", hasItem(nullValue())))
                .andExpect(jsonPath("$[?(@.name == '临沧市')].path", hasItem("/" + city.id() + "/")))
                .andExpect(jsonPath("$[?(@.name == '市环境保护局')].aliases[0]", hasItem("市环保局")))
                .andExpect(jsonPath("$[?(@.name == '市环境保护局')].level", hasItem("CITY")))
                .andExpect(jsonPath("$[?(@.name == '市环境保护局')].type", hasItem("DEPARTMENT")))
                .andExpect(jsonPath("$[?(@.id == " + epb.id() + ")].parentId", hasItem((int) (long) epb.parentId())));
    }

    @Test
    void one_unit_by_id_and_the_groups_with_their_members() throws Exception {
        Unit epb = unit("市环境保护局");
        mvc.perform(get("/api/units/" + epb.id()).with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("市环境保护局"))
                .andExpect(jsonPath("$.aliases[0]").value("市环保局"))
                .andExpect(jsonPath("$.validTo").value(nullValue()));
        mvc.perform(get("/api/unit-groups").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '各县区党委')].memberIds", hasItem(hasSize(8))));
    }

    @Test
    void an_unknown_unit_is_a_404_problem_detail() throws Exception {
        mvc.perform(get("/api/units/999999999").with(office()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", containsString("999")));
        mvc.perform(get("/api/units/abc").with(office())).andExpect(status().isNotFound());
        mvc.perform(get("/api/units")).andExpect(status().isUnauthorized());
    }

    @Test
    void an_administrator_creates_a_unit_with_aliases_and_a_bad_one_is_a_422() throws Exception {
        Unit city = unit("临沧市");
        String name = unique("接口新建办");
        mvc.perform(post("/api/admin/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + city.id() + ",\"name\":\"" + name + "\",\"level\":\"CITY\","
                                + "\"type\":\"OFFICE\",\"validFrom\":\"2019-03-01\",\"aliases\":[\"" + name + "简称\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/units/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.parentId").value((int) city.id()))
                .andExpect(jsonPath("$.validFrom").value("2019-03-01"))
                .andExpect(jsonPath("$.aliases[0]").value(name + "简称"));
        assertThat(units.resolve(name + "简称")).isPresent();

        mvc.perform(post("/api/admin/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"level\":\"CITY\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.name").exists())
                .andExpect(jsonPath("$.fieldErrors.type").exists());
        // the unit and its aliases are one: a taken alias leaves no unit behind
        String other = unique("接口半途办");
        mvc.perform(post("/api/admin/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + other + "\",\"level\":\"CITY\",\"type\":\"OFFICE\",\"aliases\":[\"市环保局\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("市环保局")));
        assertThat(units.resolve(other)).isEmpty();
    }

    @Test
    void a_rejected_import_is_a_422_listing_its_row_errors() throws Exception {
        byte[] file = utf8("名称,上级单位,层级,类型\n" + unique("接口导入局") + ",临沧市,市级,部门\n"
                + unique("接口导入办") + ",临沧市,厅级,办公室\n");

        mvc.perform(multipart("/api/admin/units/import").file(new MockMultipartFile("file", "bad.csv", "text/csv", file))
                        .with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("1 处错误")))
                .andExpect(jsonPath("$.rowErrors", hasSize(1)))
                .andExpect(jsonPath("$.rowErrors[0].row").value(3))
                .andExpect(jsonPath("$.rowErrors[0].message", containsString("厅级")));

        mvc.perform(multipart("/api/admin/unit-groups/import")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0])).with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件是空的。"));
        mvc.perform(multipart("/api/admin/units/import").with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请选择要上传的文件。"));
    }

    @Test
    void a_good_import_through_the_api_reports_its_counts() throws Exception {
        String name = unique("接口导入中心");
        byte[] file = utf8("name,parent,level,type\n" + name + ",临沧市,CITY,OFFICE\n");

        mvc.perform(multipart("/api/admin/units/import").file(new MockMultipartFile("file", "tree.csv", "text/csv", file))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.unchanged").value(0));
        mvc.perform(multipart("/api/admin/units/import").file(new MockMultipartFile("file", "tree.csv", "text/csv", file))
                        .with(office()))
                .andExpect(status().isForbidden());
    }

    private Unit unit(String name) {
        return units.get(units.resolve(name).orElseThrow().id());
    }
}
