package org.rectify.platform;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook a list export writes, read back with POI: every row in order however many, the layout offices print,
 * and rows written as they are read (the first bytes are out before the last item is read).
 */
class ListExportStreamingTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void five_thousand_rows_come_back_in_order_under_a_frozen_header_on_a3_landscape() throws IOException {
        List<Integer> items = IntStream.rangeClosed(1, 5_000).boxed().toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ListExport.of("台账", items, ZONE).withoutTitleRow().onA3()
                .column("序号", 6, i -> i)
                .column("整改措施", i -> "措施" + i)
                .write(out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("台账");
            assertThat(sheet.getLastRowNum()).isEqualTo(5_000);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            for (int r = 1; r <= 5_000; r += 499) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("措施" + r);
                assertThat(row.getCell(1).getCellStyle().getWrapText()).isTrue();
            }
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A3_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getColumnWidth(0)).isEqualTo(6 * 256);
        }
    }

    @Test
    void a_short_list_has_its_title_row_merged_and_columns_as_wide_as_their_widest_value() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ListExport.of("督办单 · 2026-12-03", List.of("短", "一个相当长的督办事项名称"), ZONE)
                .column("事项", s -> s).column("长度", String::length).write(out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("督办单 · 2026-12-03");
            assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A1:B1");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("事项");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("一个相当长的督办事项名称");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(12);
            assertThat(sheet.getColumnWidth(0)).isEqualTo((12 * 2 + 2) * 256); // twelve Chinese characters, two each
            assertThat(sheet.getColumnWidth(1)).isEqualTo(8 * 256);             // the narrowest a column gets
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:2");
        }
    }

    @Test
    void the_first_bytes_are_written_before_the_last_item_is_read() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] writtenWhenLastRead = {-1};
        int count = 20_000;
        Iterable<Integer> source = () -> new Iterator<>() {
            int next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public Integer next() {
                if (next > count) {
                    throw new NoSuchElementException();
                }
                if (next == count) {
                    writtenWhenLastRead[0] = out.size();
                }
                return next++;
            }
        };
        ListExport.of("台账", source, ZONE).column("序号", 8, i -> i).column("反馈问题", 40, i -> "问题描述第" + i + "条")
                .write(out);
        assertThat(writtenWhenLastRead[0]).as("bytes out when the last item was read").isGreaterThan(10_000);
        assertThat(out.size()).isGreaterThan(writtenWhenLastRead[0]);
    }
}
