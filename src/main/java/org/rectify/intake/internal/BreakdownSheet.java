package org.rectify.intake.internal;

import org.rectify.platform.OfficeFileCensus;
import org.rectify.platform.OfficeFiles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectify.platform.ErrorHandling.RowError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task-breakdown workbook read into rows: the first visible sheet, a header row naming the columns (title
 * rows above it are allowed), then one task per row. Guarded against what anyone may upload: the size and
 * unpacked-size limits of {@link PlanUpload}, at most {@value #MAX_ROWS} rows, formulas read as their cached
 * values and never evaluated. A cell merged down one column under the header (a 反馈问题 or 责任单位 shared by
 * several rows, as 清单 workbooks write them) is read into each of its rows; any other merged cell from the
 * header down (across columns, over the header, in 序号) is refused, since which tasks it stands for is a guess.
 */
final class BreakdownSheet {

    static final int MAX_ROWS = 10_000;
    /** The header row is looked for in the first rows only. */
    static final int HEADER_SEARCH = 15;

    /** A data row as the spreadsheet numbers it (the first row is 1), its cells as trimmed text. */
    record SheetRow(int number, Map<BreakdownColumn, String> cells, LocalDate deadlineDate) {

        String get(BreakdownColumn c) {
            return cells.getOrDefault(c, "");
        }
    }

    /** @param title the text of the title row(s) above the header, or null */
    record Content(String sheetName, String title, List<BreakdownColumn> columns, List<SheetRow> rows) {
    }

    private BreakdownSheet() {
    }

    static Content read(byte[] bytes) {
        if (!ZipGuard.entries(bytes, PlanUpload.MAX_UNPACKED).contains("xl/workbook.xml")) {
            throw new IntakeRejected("intake.upload.notXlsx");
        }
        try { // count rows and cells with constant memory before POI keeps them all
            OfficeFileCensus.xlsx(bytes, OfficeFileCensus.Limits.DEFAULT.withSheetRows(MAX_ROWS + HEADER_SEARCH + 1));
        } catch (OfficeFileCensus.TooComplex e) {
            throw e.tooManySheetRows() ? new IntakeRejected("intake.import.tooManyRows", MAX_ROWS)
                    : new IntakeRejected(e.messageKey(), e.args());
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = firstVisibleSheet(workbook);
            if (sheet == null) {
                throw new IntakeRejected("intake.import.noRows");
            }
            return read(sheet);
        } catch (IntakeRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI says "Zip bomb detected!" when an entry inflates beyond ZipSecureFile's ratio
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new IntakeRejected("intake.upload.zipBomb", OfficeFiles.humanSize(PlanUpload.MAX_UNPACKED));
            }
            throw new IntakeRejected("intake.upload.notXlsx");
        }
    }

    private static Content read(XSSFSheet sheet) {
        if (sheet.getPhysicalNumberOfRows() > MAX_ROWS + HEADER_SEARCH + 1) {
            throw new IntakeRejected("intake.import.tooManyRows", MAX_ROWS);
        }
        int headerIndex = -1;
        StringBuilder title = new StringBuilder();
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean header = false;
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                if (BreakdownColumn.of(OfficeFiles.cellText(row.getCell(c))).filter(col -> col == BreakdownColumn.REF).isPresent()) {
                    header = true;
                }
            }
            if (header) {
                headerIndex = r;
                break;
            }
            String first = firstText(row);
            if (!first.isEmpty()) {
                title.append(title.isEmpty() ? "" : " ").append(first);
            }
        }
        if (headerIndex < 0) {
            throw new IntakeRejected("intake.import.noHeader", BreakdownColumn.allHeaders());
        }
        Map<BreakdownColumn, Integer> columns = columns(sheet.getRow(headerIndex));
        Map<Long, Cell> mergedDown = mergedDown(sheet, headerIndex, columns.get(BreakdownColumn.REF));

        List<SheetRow> rows = new ArrayList<>();
        for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<BreakdownColumn, String> cells = new EnumMap<>(BreakdownColumn.class);
            LocalDate date = null;
            boolean blank = true;
            for (Map.Entry<BreakdownColumn, Integer> col : columns.entrySet()) {
                Cell cell = mergedDown.getOrDefault(key(r, col.getValue()), row.getCell(col.getValue()));
                String value = OfficeFiles.cellText(cell);
                cells.put(col.getKey(), value);
                blank &= value.isEmpty();
                if (col.getKey() == BreakdownColumn.DEADLINE) {
                    date = dateOf(cell);
                }
            }
            if (blank) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new IntakeRejected("intake.import.tooManyRows", MAX_ROWS);
            }
            rows.add(new SheetRow(r + 1, cells, date));
        }
        if (rows.isEmpty()) {
            throw new IntakeRejected("intake.import.noRows");
        }
        String t = title.toString().strip();
        return new Content(sheet.getSheetName(), t.isEmpty() ? null : t, List.copyOf(columns.keySet()), rows);
    }

    /** The header row's columns; refused, saying which, when one is missing, unknown or repeated. */
    private static Map<BreakdownColumn, Integer> columns(Row header) {
        Map<BreakdownColumn, Integer> columns = new EnumMap<>(BreakdownColumn.class);
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int c = 0; c < Math.max(0, header.getLastCellNum()); c++) {
            String h = OfficeFiles.cellText(header.getCell(c));
            if (h.isEmpty() || BreakdownColumn.ignored(h)) {
                continue;
            }
            String where = "“" + h + "”（" + CellReference.convertNumToColString(c) + "）";
            var column = BreakdownColumn.of(h);
            if (column.isEmpty()) {
                unknown.add(where);
            } else if (columns.putIfAbsent(column.get(), c) != null) {
                repeated.add(where);
            }
        }
        List<String> missing = new ArrayList<>();
        for (BreakdownColumn required : List.of(BreakdownColumn.REF, BreakdownColumn.LEAD, BreakdownColumn.DEADLINE)) {
            if (!columns.containsKey(required)) {
                missing.add("“" + required.header + "”");
            }
        }
        if (!columns.containsKey(BreakdownColumn.TASK) && !columns.containsKey(BreakdownColumn.MEASURES)) {
            missing.add("“" + BreakdownColumn.TASK.header + "”");
        }
        int headerRow = header.getRowNum() + 1;
        if (!missing.isEmpty() && !unknown.isEmpty()) {
            throw new IntakeRejected("intake.import.missingAndUnknownColumns", headerRow, String.join("、", missing),
                    String.join("、", unknown), BreakdownColumn.allHeaders());
        }
        if (!missing.isEmpty()) {
            throw new IntakeRejected("intake.import.missingColumns", headerRow, String.join("、", missing),
                    BreakdownColumn.allHeaders());
        }
        if (!unknown.isEmpty()) {
            throw new IntakeRejected("intake.import.unknownColumns", headerRow, String.join("、", unknown),
                    BreakdownColumn.allHeaders());
        }
        if (!repeated.isEmpty()) {
            throw new IntakeRejected("intake.import.repeatedColumns", headerRow, String.join("、", repeated));
        }
        return columns;
    }

    /**
     * The cells merged down one column below the header, each covered position (see {@link #key}) to the cell at
     * the top of its range; any other merged cell from the header down is refused, named by its first row and range.
     */
    private static Map<Long, Cell> mergedDown(XSSFSheet sheet, int headerIndex, int refColumn) {
        Map<Long, Cell> covered = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.getLastRow() < headerIndex) {
                continue; // a title above the header
            }
            boolean down = range.getFirstRow() > headerIndex && range.getFirstColumn() == range.getLastColumn()
                    && range.getFirstColumn() != refColumn;
            if (!down) {
                errors.add(new RowError(range.getFirstRow() + 1, "intake.import.mergedCells", range.formatAsString()));
                continue;
            }
            Row top = sheet.getRow(range.getFirstRow());
            Cell first = top == null ? null : top.getCell(range.getFirstColumn());
            for (int r = range.getFirstRow() + 1; r <= range.getLastRow(); r++) {
                covered.put(key(r, range.getFirstColumn()), first);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            throw new IntakeRejected(errors);
        }
        return covered;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    private static XSSFSheet firstVisibleSheet(XSSFWorkbook workbook) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        return null;
    }

    private static String firstText(Row row) {
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            String t = OfficeFiles.cellText(row.getCell(c));
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    /** A date cell's date (a formula's cached date too), else null. */
    private static LocalDate dateOf(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        return null;
    }

}
