package org.rectify.intake;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.office;
import static org.rectify.intake.internal.db.Tables.PLAN_DRAFT;
import static org.rectify.intake.IntakeSupport.HEADER;
import static org.rectify.intake.IntakeSupport.breakdown;
import static org.rectify.intake.IntakeSupport.draft;
import static org.rectify.intake.IntakeSupport.read;
import static org.rectify.intake.IntakeSupport.upload;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The task breakdown as .xlsx: exported in the offices' columns, imported through the review, refused when malformed. */
@IntegrationTest
class BreakdownTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;
    @Autowired
    DSLContext db;

    // ---- export and round trip

    @Test
    void an_exported_breakdown_imports_back_to_the_same_tasks_units_and_deadlines() throws Exception {
        long planId = plans.findByTitle(IntakeSupport.LINCANG).orElseThrow();
        byte[] xlsx = export(planId);
        long id = upload(mvc, "临沧任务分解表.xlsx", xlsx, "");
        String json = draft(mvc, id);

        List<TaskDetail> tasks = ledger.find(LedgerFilter.ofPlan(planId, 200), DataScope.ALL).tasks().stream()
                .map(t -> ledger.get(t.id(), DataScope.ALL)).toList();
        assertThat(tasks).hasSize(22);
        assertThat((String) read(json, "$.title")).isEqualTo(IntakeSupport.LINCANG);
        assertThat((List<String>) read(json, "$.tasks[*].ref")).containsExactlyElementsOf(tasks.stream().map(TaskDetail::ref).toList());
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        for (int i = 0; i < tasks.size(); i++) {
            TaskDetail t = tasks.get(i);
            String at = "$.tasks[" + i + "]";
            assertThat(mentions(json, at + ".leadUnits")).as(t.ref() + " lead").isEqualTo(assigned(t.leadUnits()));
            assertThat(mentions(json, at + ".supportingUnits")).as(t.ref() + " supporting").isEqualTo(assigned(t.supportingUnits()));
            assertThat(new TreeSet<>((List<String>) read(json, at + ".deadlines[*].date"))).as(t.ref() + " deadlines")
                    .isEqualTo(new TreeSet<>(t.milestones().stream().map(m -> m.dueOn().toString()).toList()));
            assertThat((Boolean) read(json, at + ".ongoing")).as(t.ref() + " ongoing").isEqualTo(t.ongoing());
            assertThat((String) read(json, at + ".text")).as(t.ref() + " text").isEqualTo(t.text());
            assertThat((String) read(json, at + ".title")).as(t.ref() + " title").isEqualTo(t.title());
            assertThat((List<String>) read(json, at + ".indicators[*].name")).as(t.ref() + " indicators")
                    .containsExactlyElementsOf(t.indicators().stream().map(ind -> ind.name()).toList());
            assertThat((List<String>) read(json, at + ".indicators[*].due")).as(t.ref() + " indicator dates")
                    .containsExactlyElementsOf(t.indicators().stream().map(ind -> String.valueOf(ind.dueOn())).toList());
            assertThat(((List<?>) read(json, at + ".obligations")).size()).as(t.ref() + " obligations")
                    .isEqualTo(t.obligations().size());
        }
        // and what is due by each date comes back too, not only the date
        int greening = refIndex(tasks, "四(二)1");
        assertThat((List<String>) read(json, "$.tasks[" + greening + "].deadlines[*].deliverable"))
                .anySatisfy(d -> assertThat(d).contains("市域城镇体系规划"));
    }

    @Test
    void the_export_has_a_title_row_a_bold_frozen_header_set_widths_wrapped_text_and_chinese_dates() throws Exception {
        long planId = plans.findByTitle(IntakeSupport.LINCANG).orElseThrow();
        mvc.perform(get("/api/plans/{id}/breakdown.xlsx", planId).with(office()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export(planId)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(IntakeSupport.LINCANG);
            assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:J1"));
            Row header = sheet.getRow(1);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertThat(names).containsExactly(HEADER);
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(sheet.getLastRowNum()).isEqualTo(23);
            Row greening = rowOf(sheet, "四(一)");
            assertThat(greening.getCell(2).getCellStyle().getWrapText()).isTrue();
            // the demo's dates lie around today (a plan in mid-flight); each deadline written as offices write it
            assertThat(greening.getCell(8).getStringCellValue().lines())
                    .hasSize(3).allMatch(line -> line.matches("\\d{4}年\\d{1,2}月\\d{1,2}日前：.+"));
            assertThat(greening.getCell(3).getStringCellValue()).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日前全市城市建成区绿地率达到36%以上");
            assertThat(greening.getCell(5).getStringCellValue()).isEqualTo("市住房城乡建设局、市林业局、各县区党委、各县区政府");
            assertThat(rowOf(sheet, "二(三)2").getCell(8).getStringCellValue()).isEqualTo("长期坚持");
        }
    }

    // ---- import

    @Test
    void a_breakdown_becomes_a_draft_with_units_dates_indicators_and_ongoing_read_as_the_parser_reads_them() throws Exception {
        byte[] xlsx = IntakeSupport.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("表格甲整改问题清单");
            IntakeSupport.fill(sheet.createRow(1), HEADER);
            IntakeSupport.fill(sheet.createRow(2), new String[] {"1", "资金投入不足", "加大环保资金投入",
                    "到2020年环保投入占财政支出比例达到3%以上", "逐年增加环保投入", "市发展改革委、财政局", "市审计局", "张三（副局长）",
                    "2017年底前", "推进中"});
            IntakeSupport.fill(sheet.createRow(3), new String[] {"2", null, "落实河长制", null, null, "各县区党委、政府", null, null,
                    "长期坚持", null});
            Row dated = sheet.createRow(4);
            IntakeSupport.fill(dated, new String[] {"3", null, "建成监测平台", null, null, "市环境保护局", null, null, null, null});
            CreationHelper helper = sheet.getWorkbook().getCreationHelper();
            CellStyle dateStyle = sheet.getWorkbook().createCellStyle();
            dateStyle.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            Cell date = dated.createCell(8);
            date.setCellValue(LocalDate.of(2019, 6, 30));
            date.setCellStyle(dateStyle);
            IntakeSupport.fill(sheet.createRow(5), new String[] {"4", null, "整治违法采砂", null, null, "市水务局", null, null,
                    "2018年6月30日\n2018年底前：完成南汀河整治验收", null});
        });
        long id = upload(mvc, "表格甲.xlsx", xlsx, "");
        String json = draft(mvc, id);
        assertThat((String) read(json, "$.title")).isEqualTo("表格甲整改问题清单");
        assertThat((String) read(json, "$.sourceKind")).isEqualTo("XLSX");
        assertThat((List<String>) read(json, "$.tasks[*].ref")).containsExactly("1", "2", "3", "4");
        assertThat((List<String>) read(json, "$.tasks[0].leadUnits[*].name")).containsExactly("市发展改革委", "市财政局");
        assertThat((List<String>) read(json, "$.tasks[0].supportingUnits[*].name")).containsExactly("市审计局");
        assertThat((List<String>) read(json, "$.tasks[0].deadlines[*].date")).containsExactly("2017-12-31");
        assertThat((String) read(json, "$.tasks[0].indicators[0].name")).isEqualTo("环保投入占财政支出比例");
        assertThat((Number) read(json, "$.tasks[0].indicators[0].value")).isEqualTo(3);
        assertThat((String) read(json, "$.tasks[0].indicators[0].due")).isEqualTo("2020-12-31");
        assertThat((String) read(json, "$.tasks[0].finding")).isEqualTo("资金投入不足");
        assertThat((String) read(json, "$.tasks[0].measures")).isEqualTo("逐年增加环保投入");
        assertThat((String) read(json, "$.tasks[0].responsible")).isEqualTo("张三（副局长）");
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].name")).containsExactly("各县区党委", "各县区政府");
        assertThat((List<Boolean>) read(json, "$.tasks[1].leadUnits[*].group")).containsOnly(true);
        assertThat((Boolean) read(json, "$.tasks[1].ongoing")).isTrue();
        assertThat((List<String>) read(json, "$.tasks[2].deadlines[*].date")).containsExactly("2019-06-30");
        assertThat((List<String>) read(json, "$.tasks[3].deadlines[*].date")).containsExactly("2018-06-30", "2018-12-31");
        assertThat((List<String>) read(json, "$.tasks[3].deadlines[*].deliverable")).contains("完成南汀河整治验收");
        assertThat((List<Number>) read(json, "$.tasks[*].row")).containsExactly(3, 4, 5, 6);
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        // the review screen shows the rows as the source
        mvc.perform(get("/intake/drafts/{id}", id).with(office()))
                .andExpect(content().string(containsString("第3行")))
                .andExpect(content().string(containsString("id=\"count-tasks\">4<")));
    }

    // ---- refusals: nothing is stored

    @Test
    void a_sheet_with_wrong_or_missing_columns_is_refused_naming_them() throws Exception {
        String[] header = {"序号", "整改任务", "责任单位", "完成期限说明", "配合单位"};
        refused("列不对.xlsx", breakdown(null, header, new String[] {"1", "任务", "市财政局", "2018年底前", ""}))
                .andExpect(content().string(containsString("缺少 “整改时限” 列")))
                .andExpect(content().string(containsString("“完成期限说明”（D）")))
                .andExpect(content().string(containsString("序号、反馈问题、整改任务")));
        refused("没有表头.xlsx", breakdown("标题", new String[] {"编码", "任务"}, new String[] {"1", "任务"}))
                .andExpect(content().string(containsString("找不到表头")));
    }

    @Test
    void bad_dates_are_reported_by_row_number_and_nothing_is_taken() throws Exception {
        refused("日期错误.xlsx", breakdown("日期错误", HEADER,
                row("1", "市财政局", "2018年底前"),
                row("2", "市财政局", "2018-13-45"),
                row("3", "市财政局", "2019年2月30日"),
                row("4", "市财政局", "尽快"),
                row("4", "市财政局", "2018年底前")))
                .andExpect(content().string(containsString("表格中有 4 处错误，未导入任何内容。")))
                .andExpect(content().string(containsString("<th class=\"text-end\" style=\"width: 6rem\">行号</th>")))
                .andExpect(content().string(containsString("<td class=\"text-end font-monospace\">4</td>")))
                .andExpect(content().string(containsString("整改时限中的“2018-13-45”不是有效日期。")))
                .andExpect(content().string(containsString("整改时限中的“2019年2月30日”不是有效日期。")))
                .andExpect(content().string(containsString("整改时限“尽快”无法识别")))
                .andExpect(content().string(containsString("序号“4”与第 6 行重复。")));
    }

    @Test
    void a_qingdan_workbook_with_a_finding_and_units_merged_down_gives_each_row_its_finding_units_and_leader() throws Exception {
        // the inspection's 清单 layout: 反馈问题 and 责任单位 merged over the rows they cover, 责任领导 as the person
        String[] header = {"序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任单位", "配合单位", "整改时限"};
        byte[] xlsx = IntakeSupport.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("清单乙整改措施清单");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:H1"));
            IntakeSupport.fill(sheet.createRow(1), header);
            IntakeSupport.fill(sheet.createRow(2), new String[] {"1", "部分城镇污水处理设施不完善", "到2020年污水处理率达到95%以上",
                    "完成污水处理厂提标改造", "副市长", "市住房城乡建设局", "市财政局", "2018年底前"});
            IntakeSupport.fill(sheet.createRow(3), new String[] {"2", null, null, "加快配套管网建设", "副市长", null, null,
                    "2019年6月底前"});
            IntakeSupport.fill(sheet.createRow(4), new String[] {"3", "畜禽养殖污染", null, "依法关闭禁养区内养殖场", "副市长",
                    "市农业局", null, "长期坚持"});
            sheet.addMergedRegion(CellRangeAddress.valueOf("B3:B4"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("F3:F4"));
        });
        long id = upload(mvc, "清单乙.xlsx", xlsx, "");
        String json = draft(mvc, id);
        assertThat((String) read(json, "$.title")).isEqualTo("清单乙整改措施清单");
        assertThat((List<String>) read(json, "$.tasks[*].ref")).containsExactly("1", "2", "3");
        assertThat((List<String>) read(json, "$.tasks[*].finding"))
                .containsExactly("部分城镇污水处理设施不完善", "部分城镇污水处理设施不完善", "畜禽养殖污染");
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].name")).containsExactly("市住房城乡建设局");
        assertThat((List<String>) read(json, "$.tasks[1].supportingUnits[*].name")).isEmpty();
        assertThat((List<String>) read(json, "$.tasks[*].responsible")).containsExactly("副市长", "副市长", "副市长");
        assertThat((List<String>) read(json, "$.tasks[1].deadlines[*].date")).containsExactly("2019-06-30");
        assertThat((Boolean) read(json, "$.tasks[2].ongoing")).isTrue();
        // the source pane shows each task's row with the merged values it took
        String page = mvc.perform(get("/intake/drafts/{id}", id).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long second = IntakeSupport.taskId(json, "2");
        int at = page.indexOf("id=\"src-" + second + "\"");
        assertThat(at).isPositive();
        assertThat(page.substring(at, page.indexOf("</mark>", at)))
                .contains("第4行", "反馈问题：部分城镇污水处理设施不完善", "责任单位：市住房城乡建设局", "加快配套管网建设");
    }

    @Test
    void cells_merged_across_columns_or_over_several_references_are_refused_with_their_rows() throws Exception {
        byte[] xlsx = IntakeSupport.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("合并单元格");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:J1")); // a merged title is fine
            IntakeSupport.fill(sheet.createRow(1), HEADER);
            IntakeSupport.fill(sheet.createRow(2), row("1", "市财政局", "2018年底前"));
            IntakeSupport.fill(sheet.createRow(3), row("2", "市财政局", "2018年底前"));
            IntakeSupport.fill(sheet.createRow(4), row("3", "市财政局", "2018年底前"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("E3:F3")); // across: which column is it?
            sheet.addMergedRegion(CellRangeAddress.valueOf("A4:A5")); // one 序号 for two rows
        });
        refused("合并.xlsx", xlsx)
                .andExpect(content().string(containsString("有合并单元格 E3:F3")))
                .andExpect(content().string(containsString("有合并单元格 A4:A5")))
                .andExpect(content().string(containsString("<td class=\"text-end font-monospace\">3</td>")))
                .andExpect(content().string(containsString("<th class=\"text-end\" style=\"width: 6rem\">行号</th>")))
                .andExpect(content().string(containsString("<td class=\"text-end font-monospace\">4</td>")));
    }

    @Test
    void a_file_over_50_mb_is_refused() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        big[0] = 'P';
        big[1] = 'K';
        refused("大文件.xlsx", big).andExpect(content().string(containsString("文件超过 50 MB，不能导入。")));
    }

    @Test
    void a_sheet_over_10000_rows_is_refused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet("任务分解");
            IntakeSupport.fill(sheet.createRow(0), HEADER);
            for (int r = 1; r <= 10_001; r++) {
                IntakeSupport.fill(sheet.createRow(r), row(Integer.toString(r), "市财政局", "2018年底前"));
            }
            wb.write(out);
            wb.dispose();
        }
        refused("一万行.xlsx", out.toByteArray()).andExpect(content().string(containsString("表格超过 10,000 行")));
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_unpacked() throws Exception {
        byte[] small = breakdown(null, HEADER, row("1", "市财政局", "2018年底前"));
        refused("炸弹.xlsx", inflateSheet(small, 120L * 1024 * 1024))
                .andExpect(content().string(containsString("文件解压后超过 100 MB")));
    }

    @Test
    void content_that_is_not_a_workbook_is_refused_whatever_its_name() throws Exception {
        refused("方案.xlsx", "一、总体要求".getBytes(StandardCharsets.UTF_8))
                .andExpect(content().string(containsString("不是有效的 Excel 工作簿")));
        byte[] docx;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("一、总体要求");
            doc.write(out);
            docx = out.toByteArray();
        }
        refused("改了名的文档.xlsx", docx).andExpect(content().string(containsString("不是有效的 Excel 工作簿")));
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 0, ole2, 0, 4);
        refused("旧格式.xls", ole2).andExpect(content().string(containsString("旧版 Office 格式")));
        refused("图片.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .andExpect(content().string(containsString("不支持此类文件")));
    }

    @Test
    void the_api_refuses_a_bad_sheet_with_row_errors_in_the_problem_detail() throws Exception {
        long before = db.fetchCount(PLAN_DRAFT);
        mvc.perform(multipart("/api/intake/drafts").file(new MockMultipartFile("file", "日期错误.xlsx",
                        "application/octet-stream", breakdown(null, HEADER, row("1", "市财政局", "明年")))).with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rowErrors[0].row").value(2))
                .andExpect(jsonPath("$.rowErrors[0].message", containsString("整改时限“明年”无法识别")));
        assertThat(db.fetchCount(PLAN_DRAFT)).isEqualTo(before);
    }

    @Test
    void the_blank_template_downloads_and_is_refused_only_for_having_no_tasks() throws Exception {
        byte[] template = mvc.perform(get("/intake/breakdown-template.xlsx").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        refused("模板.xlsx", template).andExpect(content().string(containsString("表头以下没有任务。")));
    }

    // ---- helpers

    /** Uploads on the start page; the answer is the start page with the refusal, and no draft was stored. */
    private ResultActions refused(String filename, byte[] content) throws Exception {
        long before = db.fetchCount(PLAN_DRAFT);
        ResultActions r = mvc.perform(multipart("/intake").file(new MockMultipartFile("file", filename,
                        "application/octet-stream", content)).with(office()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"import-rejected\"")))
                .andExpect(content().string(containsString("未保存任何内容")));
        assertThat(db.fetchCount(PLAN_DRAFT)).as("drafts stored").isEqualTo(before);
        return r;
    }

    private static String[] row(String ref, String lead, String deadline) {
        return new String[] {ref, null, "任务" + ref, null, null, lead, null, null, deadline, null};
    }

    private byte[] export(long planId) throws Exception {
        return mvc.perform(get("/plans/{id}/breakdown.xlsx", planId).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static Row rowOf(XSSFSheet sheet, String ref) {
        for (Row r : sheet) {
            if (r.getRowNum() > 1 && r.getCell(0).getStringCellValue().equals(ref)) {
                return r;
            }
        }
        throw new AssertionError("no row " + ref);
    }

    private static int refIndex(List<TaskDetail> tasks, String ref) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).ref().equals(ref)) {
                return i;
            }
        }
        throw new AssertionError(ref);
    }

    /** A draft's units as u{id} for a unit, g{id} for a group. */
    private static Set<String> mentions(String json, String path) {
        List<Map<String, Object>> units = read(json, path);
        Set<String> out = new HashSet<>();
        units.forEach(u -> out.add((Boolean.TRUE.equals(u.get("group")) ? "g" : "u") + u.get("unitId")));
        return out;
    }

    /** A task's units the same way: a unit named through a group counts as the group. */
    private static Set<String> assigned(List<AssignedUnit> units) {
        Set<String> out = new HashSet<>();
        units.forEach(u -> out.add(u.groupId() != null ? "g" + u.groupId() : "u" + u.unitId()));
        return out;
    }

    /** The workbook with its sheet padded to {@code size} bytes of whitespace: tiny zipped, huge unzipped. */
    private static byte[] inflateSheet(byte[] xlsx, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int close = xml.lastIndexOf("</worksheet>");
                    zip.write(xml.substring(0, close).getBytes(StandardCharsets.UTF_8));
                    padding(zip, size);
                    zip.write(xml.substring(close).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(data);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void padding(OutputStream out, long size) throws IOException {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        for (long written = 0; written < size; written += spaces.length) {
            out.write(spaces);
        }
    }
}
