package org.rectify.units.internal;

import org.rectify.platform.OfficeFileCensus;
import org.rectify.platform.OfficeFiles;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectify.platform.ErrorHandling.RowError;
import org.rectify.units.UnitImportRejected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An uploaded table, .xlsx or .csv, read into rows of text cells; the format is told by the content
 * (an .xlsx is a zip: {@code PK}), never by the file name. Reading is guarded against what anyone may
 * upload: a size limit, a row limit, a limit on what a zip unpacks to (on top of POI's own inflate-ratio
 * check, {@code ZipSecureFile}, which stays on), and formulas are read as their cached values, never
 * evaluated.
 */
public final class TabularFile {

    /** A row as the spreadsheet numbers it (the first row is 1), cells as trimmed text. */
    public record Row(int number, List<String> cells) {

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** A merged cell range of a sheet, by row numbers as the spreadsheet shows them. */
    public record MergedRange(int firstRow, int lastRow, String reference) {
    }

    /** What an upload may be: its size, its rows (header not counted), what its zip may unpack to. */
    public record Limits(long maxBytes, int maxRows, long maxUnpackedBytes) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final List<Row> rows;
    private final List<MergedRange> merged;

    private TabularFile(List<Row> rows, List<MergedRange> merged) {
        this.rows = rows;
        this.merged = merged;
    }

    /** The rows that have something in them, in order. */
    public List<Row> rows() {
        return rows;
    }

    public List<MergedRange> merged() {
        return merged;
    }

    public static TabularFile read(InputStream content, Limits limits) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxBytes() + 1));
        } catch (IOException e) {
            throw new UnitImportRejected("unitImport.unreadable");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new UnitImportRejected("unitImport.tooLarge", OfficeFiles.humanSize(limits.maxBytes()));
        }
        if (bytes.length == 0) {
            throw new UnitImportRejected("unitImport.empty");
        }
        TabularFile file;
        if (OfficeFiles.startsWith(bytes, 'P', 'K', 3, 4)) {
            file = readXlsx(bytes, limits);
        } else if (OfficeFiles.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnitImportRejected("unitImport.legacyXls"); // OLE2: .xls, or an encrypted .xlsx
        } else {
            file = readCsv(decode(bytes), limits);
        }
        if (file.rows.isEmpty()) {
            throw new UnitImportRejected("unitImport.empty");
        }
        return file;
    }

    // ---- csv

    /** UTF-8 (with or without BOM); GB18030 too, which is what Excel on a Chinese Windows saves as CSV. */
    private static String decode(byte[] bytes) {
        int start = OfficeFiles.startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text = strict(StandardCharsets.UTF_8, bytes, start);
        if (text == null) {
            text = strict(GB18030, bytes, start);
        }
        if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new UnitImportRejected("unitImport.unsupportedFormat");
        }
        return text;
    }

    private static String strict(Charset charset, byte[] bytes, int start) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** RFC 4180: comma separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
    static TabularFile readCsv(String text, Limits limits) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int row = 1;
        int quoteStartRow = 0;
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                quoteStartRow = row;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().strip());
                cell.setLength(0);
                add(rows, new Row(row, List.copyOf(cells)), limits);
                cells.clear();
                row++;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new UnitImportRejected(List.of(new RowError(quoteStartRow, "unitImport.unclosedQuote")));
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString().strip());
            add(rows, new Row(row, List.copyOf(cells)), limits);
        }
        return new TabularFile(rows, List.of());
    }

    private static void add(List<Row> rows, Row row, Limits limits) {
        if (row.isBlank()) {
            return;
        }
        if (rows.size() > limits.maxRows()) { // the header and maxRows rows are in already
            throw new UnitImportRejected("unitImport.tooManyRows", limits.maxRows());
        }
        rows.add(row);
    }

    // ---- xlsx

    private static TabularFile readXlsx(byte[] bytes, Limits limits) {
        checkUnpackedSize(bytes, limits);
        try { // count rows and cells with constant memory before POI keeps them all
            OfficeFileCensus.xlsx(bytes, OfficeFileCensus.Limits.DEFAULT.withSheetRows(limits.maxRows() + 100));
        } catch (OfficeFileCensus.TooComplex e) {
            throw e.tooManySheetRows() ? new UnitImportRejected("unitImport.tooManyRows", limits.maxRows())
                    : new UnitImportRejected(e.messageKey(), e.args());
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = firstVisibleSheet(workbook);
            if (sheet == null) {
                throw new UnitImportRejected("unitImport.empty");
            }
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    cells.add(OfficeFiles.cellText(r.getCell(c)));
                }
                add(rows, new Row(r.getRowNum() + 1, List.copyOf(cells)), limits);
            }
            List<MergedRange> merged = new ArrayList<>();
            for (CellRangeAddress range : sheet.getMergedRegions()) {
                merged.add(new MergedRange(range.getFirstRow() + 1, range.getLastRow() + 1, range.formatAsString()));
            }
            return new TabularFile(rows, merged);
        } catch (UnitImportRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI says "Zip bomb detected!" when an entry inflates beyond ZipSecureFile's ratio
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new UnitImportRejected("unitImport.zipBomb");
            }
            throw new UnitImportRejected("unitImport.unsupportedFormat");
        }
    }

    /**
     * Inflates every entry once, counting, before POI builds its object model: a small zip that unpacks to
     * gigabytes is refused here without keeping any of it in memory. An .xlsx also has to be a workbook.
     */
    private static void checkUnpackedSize(byte[] bytes, Limits limits) {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 10_000) {
                    throw new UnitImportRejected("unitImport.zipBomb");
                }
                workbook |= entry.getName().equals("xl/workbook.xml");
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > limits.maxUnpackedBytes()) {
                        throw new UnitImportRejected("unitImport.zipBomb");
                    }
                }
            }
        } catch (IOException e) { // not a zip after all, or a truncated one
            throw new UnitImportRejected("unitImport.unsupportedFormat");
        }
        if (!workbook) {
            throw new UnitImportRejected("unitImport.unsupportedFormat"); // a .docx, or any other zip
        }
    }

    private static XSSFSheet firstVisibleSheet(XSSFWorkbook workbook) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        return null;
    }



}
