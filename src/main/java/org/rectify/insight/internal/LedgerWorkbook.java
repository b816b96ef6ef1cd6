package org.rectify.insight.internal;

import org.apache.poi.ss.usermodel.BorderStyle;
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
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.rectify.plans.TaskStatus;
import org.rectify.platform.Messages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.listAgg;
import static org.jooq.impl.DSL.select;
import static org.rectify.db.Tables.FINDING;
import static org.rectify.db.Tables.INDICATOR;
import static org.rectify.db.Tables.PERSON;
import static org.rectify.db.Tables.PROGRESS_REPORT;
import static org.rectify.db.Tables.REPORT_SLOT;
import static org.rectify.db.Tables.TASK;
import static org.rectify.db.Tables.TASK_UNIT;
import static org.rectify.db.Tables.TASK_WARNING;
import static org.rectify.db.Tables.UNIT;
import static org.rectify.db.Tables.UNIT_GROUP;

/**
 * The ledger as the offices keep it in Excel (序号, 反馈问题, 整改目标, 整改措施, 责任单位, 配合单位, 责任人, 整改时限, 整改进展,
 * 完成情况, 预警): header frozen and repeated on every printed page, text wrapped, A3 landscape one page wide. Rows are read
 * through a database cursor and written through POI's streaming workbook, so 100,000 tasks never sit in memory at once.
 */
@Component
class LedgerWorkbook {

    static final List<String> COLUMNS = List.of("seq", "finding", "target", "measures", "leadUnits", "supportingUnits",
            "responsible", "deadline", "progress", "status", "warning");
    private static final int[] WIDTHS = {6, 40, 30, 45, 22, 22, 10, 12, 45, 10, 10};
    private static final int WINDOW = 200;

    private final DSLContext db;
    private final Messages messages;

    LedgerWorkbook(DSLContext db, Messages messages) {
        this.db = db;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void write(Condition tasks, OutputStream out) throws IOException {
        Field<String> finding = coalesce(FINDING.TEXT, TASK.TEXT);
        Field<String> target = select(listAgg(coalesce(INDICATOR.PHRASE, INDICATOR.NAME), "；").withinGroupOrderBy(INDICATOR.POSITION))
                .from(INDICATOR).where(INDICATOR.TASK_ID.eq(TASK.ID)).asField("target");
        Field<String> lead = units("LEAD");
        Field<String> supporting = units("SUPPORTING");
        Field<String> progress = select(PROGRESS_REPORT.WORK_DONE).from(REPORT_SLOT)
                .join(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID))
                .where(REPORT_SLOT.TASK_ID.eq(TASK.ID)).orderBy(PROGRESS_REPORT.SUBMITTED_AT.desc()).limit(1).asField("progress");
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
             Cursor<? extends Record> rows = db.select(TASK.REF, TASK.TITLE, finding, target, TASK.MEASURES, lead, supporting, PERSON.NAME,
                             TASK.DEADLINE, progress, TASK.STATUS, TASK_WARNING.LEVEL)
                     .from(TASK).leftJoin(FINDING).on(FINDING.ID.eq(TASK.FINDING_ID))
                     .leftJoin(PERSON).on(PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                     .leftJoin(TASK_WARNING).on(TASK_WARNING.TASK_ID.eq(TASK.ID))
                     .where(tasks).orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID)
                     .fetchSize(WINDOW).fetchLazy()) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(messages.text("insight.export.sheet"));
            CellStyle header = headerStyle(book);
            CellStyle body = bodyStyle(book);
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(messages.text("insight.export." + COLUMNS.get(i)));
                head.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            sheet.setAutobreaks(true);
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A3_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            int n = 0;
            for (Record r : rows) {
                n++;
                Row row = sheet.createRow(n);
                String findingText = r.get(finding);
                String targetText = r.get(target) != null ? r.get(target) : r.get(TASK.TITLE);
                Object[] values = {n, findingText, targetText, r.get(TASK.MEASURES), names(r.get(lead)), names(r.get(supporting)),
                        r.get(PERSON.NAME), r.get(TASK.DEADLINE) == null ? messages.text("task.noDeadline") : r.get(TASK.DEADLINE).toString(),
                        r.get(progress), messages.text("task.status." + TaskStatus.valueOf(r.get(TASK.STATUS))),
                        r.get(TASK_WARNING.LEVEL) == null ? "" : messages.text("supervision.level." + r.get(TASK_WARNING.LEVEL))};
                for (int i = 0; i < values.length; i++) {
                    var cell = row.createCell(i);
                    if (values[i] instanceof Integer number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue(values[i] == null ? "" : values[i].toString());
                    }
                    cell.setCellStyle(body);
                }
            }
            book.write(out);
            book.dispose();
        }
    }

    /** The task's units of a role, as the plan names them: "group or unit" each once, in their order. */
    private static Field<String> units(String role) {
        return select(listAgg(coalesce(UNIT_GROUP.NAME, UNIT.NAME), "\u0001").withinGroupOrderBy(TASK_UNIT.POSITION, UNIT.ID))
                .from(TASK_UNIT).join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                .leftJoin(UNIT_GROUP).on(UNIT_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
                .where(TASK_UNIT.TASK_ID.eq(TASK.ID).and(TASK_UNIT.ROLE.eq(inline(role)))).asField(role.toLowerCase());
    }

    private static String names(String joined) {
        return joined == null ? "" : String.join("、", new LinkedHashSet<>(Arrays.asList(joined.split("\u0001"))));
    }

    private static CellStyle headerStyle(SXSSFWorkbook book) {
        CellStyle style = bodyStyle(book);
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static CellStyle bodyStyle(SXSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
