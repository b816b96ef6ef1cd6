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
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
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
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A list as the user filtered it, as an .xlsx the offices open: a title row (what list, which filter, when), the
 * column headers, one row per item, frozen headers repeated on each printed page, text wrapped, landscape on one page
 * wide. Every list export uses it: a page names its columns and how each item fills them.
 *
 * <p>Two ways out. {@link #download(String)} answers with the workbook's bytes: for lists of a page or two (an inbox, a
 * desk of notices). {@link #download(String, HttpServletResponse)} streams: rows are made while the ZIP is written to
 * the response, so the first bytes leave at once and a list of 100,000 rows needs a window of {@value #WINDOW} rows of
 * heap, no temporary file. Give it a lazy source, read in the caller's (read-only) transaction, e.g. a jOOQ
 * {@code Cursor} ({@code fetchSize(…).fetchLazy()}) or {@code stream::iterator}; it is read once.
 *
 * <pre>{@code
 * ListExport.of("督办单", notices, clock.getZone()).column("编号", SupervisionNotice::number).column("回复期限", SupervisionNotice::replyBy)
 *         .download("督办单.xlsx");
 * try (var rows = db.selectFrom(T).where(filter).fetchSize(200).fetchLazy()) {          // many rows
 *     ListExport.of(title, rows, zone).column(...).download("台账.xlsx", response);
 * }
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

    /**
     * Writes the workbook to {@code out}, reading {@code items} once, row by row, as the rows are written: the sheet is
     * generated while the ZIP is being written ({@link DeferredSXSSFWorkbook}), so the first bytes leave before the
     * last item is read and no row waits in a temporary file. Column widths that follow their values are measured on
     * the first {@value #WINDOW} items (all of them in a short list), which wait in memory until the widths are set.
     */
    public void write(OutputStream out) throws IOException {
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(WINDOW)) {
            DeferredSXSSFSheet sheet = workbook.createSheet(safeSheetName(title));
            CellStyle titleStyle = style(workbook, true, (short) 14, false);
            CellStyle headerStyle = style(workbook, true, (short) 11, true);
            CellStyle bodyStyle = style(workbook, false, (short) 11, false);
            bodyStyle.setWrapText(true);
            int headerRows = titleRow ? 2 : 1;

            Iterator<T> rest = items.iterator();
            List<T> first = new ArrayList<>(WINDOW);
            while (first.size() < WINDOW && rest.hasNext()) {
                first.add(rest.next());
            }
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                int fixed = columns.get(c).width();
                if (fixed > 0) {
                    widths[c] = fixed;
                    continue;
                }
                int widest = width(columns.get(c).header());
                for (T item : first) {
                    Object value = columns.get(c).value().apply(item);
                    if (!(value instanceof Number)) {
                        widest = Math.max(widest, width(text(value)));
                    }
                }
                widths[c] = Math.min(60, Math.max(8, widest + 2));
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            if (titleRow && columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
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

            // called while the workbook is written: rows go out as they are made, WINDOW at a time
            sheet.setRowGenerator(s -> {
                int r = 0;
                if (titleRow) {
                    Row head = s.createRow(r++);
                    head.setHeightInPoints(26);
                    Cell t = head.createCell(0);
                    t.setCellValue(title);
                    t.setCellStyle(titleStyle);
                }
                Row header = s.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(columns.get(c).header());
                    cell.setCellStyle(headerStyle);
                }
                for (T item : first) {
                    row(s.createRow(r++), item, bodyStyle);
                }
                first.clear();
                while (rest.hasNext()) {
                    row(s.createRow(r++), rest.next(), bodyStyle);
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    private void row(Row row, T item, CellStyle style) {
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = columns.get(c).value().apply(item);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(text(value));
            }
            cell.setCellStyle(style);
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
