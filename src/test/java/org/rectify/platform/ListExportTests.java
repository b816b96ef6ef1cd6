package org.rectify.platform;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every list page exports what it shows, with its filter, as an .xlsx that opens: read back here with POI. */
@IntegrationTest
class ListExportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;

    @Test
    void the_warning_desk_exports_only_the_levels_chosen_on_the_page() throws Exception {
        List<List<String>> red = rows(get("/supervision").param("format", "xlsx").param("level", "RED").with(office()));
        assertThat(red.get(1)).startsWith("等级", "编号", "任务");
        assertThat(red.subList(2, red.size())).isNotEmpty().allMatch(r -> r.get(0).equals("红色预警"));
        List<List<String>> all = rows(get("/supervision").param("format", "xlsx").with(office()));
        assertThat(all.stream().map(r -> r.get(0))).contains("红色预警", "黄色预警", "蓝色预警");
        // the demo's two plans mixed: each task named with its plan's short name, so that every reference is unique
        List<String> refs = all.subList(2, all.size()).stream().map(r -> r.get(1)).toList();
        assertThat(refs).anyMatch(ref -> ref.startsWith("临沧2018·"));
        assertThat(refs.stream().filter(ref -> ref.contains("·"))).doesNotHaveDuplicates();
    }

    @Test
    void notices_circulars_and_accountability_export_with_their_columns_in_the_users_language() throws Exception {
        List<List<String>> notices = rows(get("/supervision/notices").param("format", "xlsx").with(as("supervisor")));
        assertThat(notices.get(0).get(0)).startsWith("督办单");
        assertThat(notices.stream().map(r -> r.get(r.size() - 1))).contains("已回复", "逾期未回复");
        assertThat(notices.subList(2, notices.size()).stream().map(r -> r.get(1))).anyMatch(ref -> ref.startsWith("临沧2018·"));
        List<List<String>> circulars = rows(get("/supervision/circulars").param("format", "xlsx").with(office()));
        assertThat(circulars.stream().filter(r -> r.size() > 3).map(r -> r.get(3))).contains("已印发");
        List<List<String>> accountability = rows(get("/supervision/accountability").param("format", "xlsx")
                .param("lang", "en").with(as("supervisor")));
        assertThat(accountability.get(1)).startsWith("Date", "Action", "Unit", "Person");
        assertThat(accountability.stream().filter(r -> r.size() > 1).map(r -> r.get(1))).contains("Summons");
    }

    @Test
    void the_matrix_exports_every_page_of_the_filtered_state_and_the_inbox_its_messages() throws Exception {
        String plan = String.valueOf(Demo.planId(plans));
        List<List<String>> late = rows(get("/progress/matrix").param("format", "xlsx").param("planId", plan)
                .param("state", "MISSING").with(office()));
        assertThat(late.subList(2, late.size())).isNotEmpty().allMatch(r -> r.get(3).equals("未报送"));
        List<List<String>> inbox = rows(get("/inbox").param("format", "xlsx").with(as("epb-staff")));
        assertThat(inbox.get(1)).containsExactly("类别", "内容", "时间", "状态");
    }

    @Test
    void another_units_staff_cannot_export_the_accountability_records() throws Exception {
        mvc.perform(get("/supervision/accountability").param("format", "xlsx").with(as("epb-staff")))
                .andExpect(status().isForbidden());
    }

    private List<List<String>> rows(MockHttpServletRequestBuilder request) throws Exception {
        byte[] body = mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ListExport.XLSX.toString()))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(OfficeFiles.cellText(c)));
                out.add(cells);
            }
        }
        return out;
    }
}
