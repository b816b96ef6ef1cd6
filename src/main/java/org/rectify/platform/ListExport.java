package org.rectify.platform;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A list as the user filtered it, as an .xlsx the offices open: a title row (what list, which filter, when), the
 * column headers, one row per item, frozen headers, landscape on one page wide. Every list page's export uses it: a
 * page names its columns and how each item fills them.
 *
 * <pre>{@code
 * ListExport.of("督办单", notices).column("编号", SupervisionNotice::number).column("回复期限", SupervisionNotice::replyBy)
 *         .download("督办单.xlsx");
 * }</pre>
 */
public final class ListExport<T> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private record Column<T>(String header, Function<T, Object> value) {
    }

    private final String title;
    private final Collection<T> items;
    private final List<Column<T>> columns = new ArrayList<>();

    private ListExport(String title, Collection<T> items) {
        this.title = title;
        this.items = items;
    }

    /** {@code title} heads the sheet: the list's name and, where filtered, the filter in words. */
    public static <T> ListExport<T> of(String title, Collection<T> items) {
        return new ListExport<>(title, items);
    }

    /** A column; the value may be null, a number, a date, a time, a collection (joined with 、) or anything else (its text). */
    public ListExport<T> column(String header, Function<T, Object> value) {
        columns.add(new Column<>(header, value));
        return this;
    }

    public byte[] toBytes() {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(safeSheetName(title));
            CellStyle titleStyle = style(workbook, true, (short) 14, false);
            CellStyle headerStyle = style(workbook, true, (short) 11, true);
            CellStyle bodyStyle = style(workbook, false, (short) 11, false);
            bodyStyle.setWrapText(true);

            Row head = sheet.createRow(0);
            head.setHeightInPoints(26);
            Cell t = head.createCell(0);
            t.setCellValue(title);
            t.setCellStyle(titleStyle);
            if (columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            }
            Row header = sheet.createRow(1);
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(headerStyle);
                widths[c] = width(columns.get(c).header());
            }
            int r = 2;
            for (T item : items) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object value = columns.get(c).value().apply(item);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        String text = text(value);
                        cell.setCellValue(text);
                        widths[c] = Math.max(widths[c], width(text));
                    }
                    cell.setCellStyle(bodyStyle);
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook as a download named {@code fileName} (Chinese names kept, RFC 6266). */
    public ResponseEntity<byte[]> download(String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(toBytes());
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ClockConfiguration.ZONE).format(MINUTES);
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(ClockConfiguration.ZONE).format(MINUTES);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Collection<?> c) {
            return String.join("、", c.stream().map(ListExport::text).toList());
        }
        return value.toString();
    }

    /** Roughly how many character widths a text takes: a Chinese character counts two. */
    private static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length() && w < 120; i++) {
            w += text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static String safeSheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return s.isEmpty() ? "Sheet1" : s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static CellStyle style(SXSSFWorkbook workbook, boolean bold, short points, boolean shaded) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints(points);
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (shaded) {
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
