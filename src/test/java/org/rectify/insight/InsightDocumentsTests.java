package org.rectify.insight;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger as .xlsx and the briefing as .docx, opened back with POI as an office would open them. */
@IntegrationTest
class InsightDocumentsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;

    @Test
    void the_ledger_workbook_has_the_offices_columns_the_filters_rows_and_prints_on_a3_landscape() throws Exception {
        long planId = plans.findByTitle(Demo.PLAN_TITLE).orElseThrow();
        byte[] xlsx = mvc.perform(get("/insight/ledger.xlsx").param("planId", "" + planId).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("序号", "反馈问题", "整改目标", "整改措施", "责任单位", "配合单位",
                    "责任人", "整改时限", "整改进展", "完成情况", "预警");
            assertThat(sheet.getLastRowNum()).isEqualTo(22); // the demo plan's 22 tasks
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A3_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            List<String> greening = cells(rowWhere(sheet, 2, "绿地率"));
            assertThat(greening.get(4)).contains("市住房城乡建设局").contains("各县区党委");
            assertThat(greening.get(9)).isNotBlank();
        }
    }

    @Test
    void the_workbook_keeps_to_the_filter_and_to_the_callers_scope() throws Exception {
        long planId = plans.findByTitle(Demo.PLAN_TITLE).orElseThrow();
        try (XSSFWorkbook book = workbook("/insight/ledger.xlsx?planId=" + planId + "&q=绿地率", office())) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
        try (XSSFWorkbook book = workbook("/insight/ledger.xlsx?planId=" + planId, as("epb-staff"))) {
            int rows = book.getSheetAt(0).getLastRowNum();
            assertThat(rows).isPositive().isLessThan(22);
        }
    }

    @Test
    void the_briefing_is_drafted_from_the_figures_and_downloaded_as_the_office_edited_it() throws Exception {
        long planId = plans.findByTitle(Demo.PLAN_TITLE).orElseThrow();
        String page = mvc.perform(get("/insight/briefing").param("planId", "" + planId).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("全市整改工作进展情况").contains("22项整改任务中").contains("分部分进展情况如下")
                .contains("下一步工作").containsPattern("截至20\\d\\d年1?\\d月[1-3]?\\d日，");
        // English writes the date as the page's other dates do, 2026-12-05 (it wrote 2026-12-5)
        assertThat(mvc.perform(get("/insight/briefing").param("planId", "" + planId).param("lang", "en").with(office()))
                .andReturn().getResponse().getContentAsString()).containsPattern("As of 20\\d\\d-[01]\\d-[0-3]\\d, of 22 ");

        byte[] docx = mvc.perform(post("/insight/briefing").with(office()).with(csrf())
                        .param("title", "全市整改工作进展情况").param("issuer", "临沧市整改工作领导小组办公室")
                        .param("date", "2026-12-03")
                        .param("text", "截至目前，22项整改任务中已销号2项。\n\n下一步工作：\n\n一是加快推进逾期任务。"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsExactly("全市整改工作进展情况", "　　截至目前，22项整改任务中已销号2项。", "　　下一步工作：",
                    "　　一是加快推进逾期任务。", "临沧市整改工作领导小组办公室", "2026年12月3日");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getFontFamily()).isEqualTo("方正小标宋简体");
        }
    }

    @Test
    void unit_accounts_draft_no_briefing_and_an_empty_one_is_refused_in_words() throws Exception {
        mvc.perform(get("/insight/briefing").with(as("epb-staff"))).andExpect(status().isForbidden());
        String refused = mvc.perform(post("/insight/briefing").with(office()).with(csrf()).param("title", "标题").param("issuer", "")
                        .param("date", "2026-12-03").param("text", "  "))
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请填写标题和正文");
    }

    private XSSFWorkbook workbook(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        byte[] xlsx = mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static Row rowWhere(XSSFSheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(column) != null && row.getCell(column).getStringCellValue().contains(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? String.valueOf((long) c.getNumericCellValue()) : c.getStringCellValue()));
        return values;
    }
}
