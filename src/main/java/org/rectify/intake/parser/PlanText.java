package org.rectify.intake.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a plan into a String: .docx through POI (one line per paragraph; a task table as outline items, any
 * other table one line per row with cells separated by tabs), anything else as text: UTF-8 with the BOM stripped, or GB18030 when the bytes
 * are not UTF-8 (government offices still save .txt in GBK). The text is otherwise kept as it is, because
 * task offsets point into it.
 */
public final class PlanText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private PlanText() {
    }

    public static String read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** Reads .docx bytes (recognised by their zip signature) or text bytes. */
    public static String read(byte[] bytes) throws IOException {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return docx(new ByteArrayInputStream(bytes));
        }
        return text(bytes);
    }

    static String text(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, bytes.length - offset, GB18030);
        }
    }

    /**
     * A task table (附件：整改任务清单) as the running text the parser reads (see {@link TaskTable}); any other
     * table one line per row, cells separated by tabs.
     */
    private static void table(XWPFTable t, TaskTable.Document tables, StringBuilder b) {
        List<List<TaskTable.Cell>> rows = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            List<TaskTable.Cell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(new TaskTable.Cell(cellText(cell), mergedFromAbove(cell)));
            }
            rows.add(cells);
        }
        String tasks = tables.render(rows);
        if (tasks != null) {
            b.append(tasks);
            return;
        }
        for (List<TaskTable.Cell> row : rows) {
            StringBuilder r = new StringBuilder();
            for (TaskTable.Cell cell : row) {
                if (!r.isEmpty()) {
                    r.append('\t');
                }
                r.append(cell.text().replace('\n', ' '));
            }
            b.append(r).append('\n');
        }
    }

    /** A cell's paragraphs, one line each. */
    private static String cellText(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(p.getText());
        }
        return b.toString();
    }

    /** A vMerge without "restart" continues the cell above (a section merged down over its rows). */
    private static boolean mergedFromAbove(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.isSetVMerge()
            && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() != STMerge.RESTART);
    }

    static String docx(InputStream in) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder b = new StringBuilder();
            TaskTable.Document tables = new TaskTable.Document();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    b.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    table(t, tables, b);
                }
            }
            return b.toString();
        } catch (RuntimeException broken) {
            // POI reports a damaged or non-Word zip with unchecked exceptions
            throw new IOException("not a readable .docx file: " + broken.getMessage(), broken);
        }
    }
}
