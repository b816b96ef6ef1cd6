package org.rectify.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A list as the user filtered it, as an .xlsx the offices open: a title row (what list, which filter, when), the
 * column headers, one row per item, frozen headers repeated on each printed page, text wrapped, landscape on one page
 * wide. Every list export uses it: a page names its columns and how each item fills them. Rows are written through
 * POI's streaming workbook as {@code items} yields them, so a database cursor of 100,000 rows needs no heap to speak of
 * ({@link #write}).
 *
 * <pre>{@code
 * ListExport.of("督办单", notices, clock.getZone()).column("编号", SupervisionNotice::number).column("回复期限", SupervisionNotice::replyBy)
 *         .download("督办单.xlsx");
 * }</pre>
 */
public final class ListExport<T> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A column; {@code width} in characters, or 0 to fit the widest value (up to 60). */
    private record Column<T>(String header, int width, Function<T, Object> value) {
    }

    private static final int WINDOW = 200;

    private final String title;
    private final Iterable<T> items;
    private final ZoneId zone;
    private final List<Column<T>> columns = new ArrayList<>();
    private boolean titleRow = true;
    private short paperSize = PrintSetup.A4_PAPERSIZE;

    private ListExport(String title, Iterable<T> items, ZoneId zone) {
        this.title = title;
        this.items = items;
        this.zone = zone;
    }

    /**
     * {@code title} heads the sheet: the list's name and, where filtered, the filter in words; times are written in
     * {@code zone}, the offices' ({@code clock.getZone()}).
     */
    public static <T> ListExport<T> of(String title, Iterable<T> items, ZoneId zone) {
        return new ListExport<>(title, items, zone);
    }

    /** A column; the value may be null, a number, a date, a time, a collection (joined with 、) or anything else (its text). */
    public ListExport<T> column(String header, Function<T, Object> value) {
        return column(header, 0, value);
    }

    /** A column {@code width} characters wide (a Chinese character counts two), whatever its values. */
    public ListExport<T> column(String header, int width, Function<T, Object> value) {
        columns.add(new Column<>(header, width, value));
        return this;
    }

    /** The headers in the first row, no title row above them (a ledger in the offices' own layout); the title names the sheet. */
    public ListExport<T> withoutTitleRow() {
        this.titleRow = false;
        return this;
    }

    /** Printed on A3 (landscape, one page wide) instead of A4: for wide ledgers. */
    public ListExport<T> onA3() {
        this.paperSize = PrintSetup.A3_PAPERSIZE;
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out}, reading {@code items} once, row by row. */
    public void write(OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet(safeSheetName(title));
            CellStyle headerStyle = style(workbook, true, (short) 11, true);
            CellStyle bodyStyle = style(workbook, false, (short) 11, false);
            bodyStyle.setWrapText(true);

            int r = 0;
            if (titleRow) {
                Row head = sheet.createRow(r++);
                head.setHeightInPoints(26);
                Cell t = head.createCell(0);
                t.setCellValue(title);
                t.setCellStyle(style(workbook, true, (short) 14, false));
                if (columns.size() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
                }
            }
            Row header = sheet.createRow(r++);
            int headerRows = r;
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(headerStyle);
                widths[c] = width(columns.get(c).header());
            }
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
                        if (columns.get(c).width() == 0) {
                            widths[c] = Math.max(widths[c], width(text));
                        }
                    }
                    cell.setCellStyle(bodyStyle);
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                int fixed = columns.get(c).width();
                sheet.setColumnWidth(c, (fixed > 0 ? fixed : Math.min(60, Math.max(8, widths[c] + 2))) * 256);
            }
            sheet.createFreezePane(0, headerRows);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
            sheet.setAutobreaks(true);
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(paperSize);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** The workbook as a download named {@code fileName} (Chinese names kept, RFC 6266). */
    public ResponseEntity<byte[]> download(String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .body(toBytes());
    }

    /** The workbook streamed into {@code response} as a download named {@code fileName}, row by row as the items come. */
    public void download(String fileName, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
        write(response.getOutputStream());
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone).format(MINUTES);
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(zone).format(MINUTES);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Collection<?> c) {
            return String.join("、", c.stream().map(this::text).toList());
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
        if (!bold || shaded) { // the table's cells, not the title: ruled, as the offices print them
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (shaded) {
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
