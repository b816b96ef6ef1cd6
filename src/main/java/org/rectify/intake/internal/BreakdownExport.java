package org.rectify.intake.internal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectify.access.DataScope;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitNameNormalizer;
import org.rectify.plans.Indicator;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.LedgerPage;
import org.rectify.plans.Milestone;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plan's task breakdown as .xlsx, in the columns offices use (序号, 反馈问题, 整改任务, 整改目标, 整改措施,
 * 责任单位, 配合单位, 责任人, 整改时限, 完成情况): a title row, a bold frozen header, set widths, wrapped text,
 * Chinese dates. Only the tasks in the caller's data scope are written. What it writes imports back to the
 * same tasks: refs, units, deadlines (with what is due by each), indicators, 长期坚持.
 */
@Component
class BreakdownExport {

    private final TaskLedger ledger;
    private final MessageSource messages;

    BreakdownExport(TaskLedger ledger, MessageSource messages) {
        this.ledger = ledger;
        this.messages = messages;
    }

    /**
     * Streams the plan's breakdown as the caller may see it to {@code out}: rows are made while the workbook is written,
     * page by page of the ledger, so the first bytes leave at once and a plan of thousands of tasks needs a window of
     * rows of heap, no temporary file. One read-only transaction: every page of the same state.
     */
    @Transactional(readOnly = true)
    public void write(PlanSummary plan, DataScope scope, OutputStream out) throws IOException {
        write(plan.title() + BreakdownImport.TITLE_SUFFIX, () -> tasks(plan.id(), scope), out);
    }

    /** An empty breakdown: the title row and the header, to fill in and import. */
    public byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(BreakdownImport.TEMPLATE_TITLE, List.of(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(String titleText, Iterable<TaskDetail> tasks, OutputStream out) throws IOException {
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(200)) {
            DeferredSXSSFSheet sheet = workbook.createSheet("任务分解");
            Styles styles = new Styles(workbook);
            BreakdownColumn[] columns = BreakdownColumn.values();
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.length - 1));
            for (BreakdownColumn c : columns) {
                sheet.setColumnWidth(c.ordinal(), Math.min(255, c.width * 2 + 1) * 256);
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);

            // called while the workbook is written: each row goes out as its task is read
            sheet.setRowGenerator(s -> {
                Row title = s.createRow(0);
                title.setHeightInPoints(30);
                Cell t = title.createCell(0);
                t.setCellValue(titleText);
                t.setCellStyle(styles.title);
                Row header = s.createRow(1);
                header.setHeightInPoints(22);
                for (BreakdownColumn c : columns) {
                    Cell cell = header.createCell(c.ordinal());
                    cell.setCellValue(c.header);
                    cell.setCellStyle(styles.header);
                }
                int r = 2;
                for (TaskDetail task : tasks) {
                    Row row = s.createRow(r++);
                    for (BreakdownColumn c : columns) {
                        Cell cell = row.createCell(c.ordinal());
                        cell.setCellValue(value(c, task));
                        cell.setCellStyle(c == BreakdownColumn.REF || c == BreakdownColumn.STATUS ? styles.centered : styles.body);
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    /**
     * The plan's tasks the scope sees, in plan order, read a page of the ledger at a time as the rows are written,
     * each page's tasks in a few statements ({@link TaskLedger#details}) rather than six per task.
     */
    private Iterator<TaskDetail> tasks(long planId, DataScope scope) {
        return new Iterator<>() {
            private int page;
            private LedgerPage found;
            private Iterator<TaskDetail> onPage = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!onPage.hasNext() && (found == null || found.hasNext())) {
                    found = ledger.find(new LedgerFilter(planId, null, null, Set.of(), null, null, null, null,
                            LedgerFilter.Sort.REF, false, page++, LedgerFilter.MAX_PAGE_SIZE), scope);
                    onPage = ledger.details(found.tasks().stream().map(TaskSummary::id).toList(), scope).iterator();
                }
                return onPage.hasNext();
            }

            @Override
            public TaskDetail next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return onPage.next();
            }
        };
    }

    private String value(BreakdownColumn c, TaskDetail t) {
        return switch (c) {
            case REF -> t.ref();
            case FINDING -> "";
            case TASK -> t.text() == null ? "" : t.text();
            case TARGET -> targets(t.indicators());
            case MEASURES -> t.measures() == null ? "" : t.measures();
            case LEAD -> units(t.leadUnitNames());
            case SUPPORTING -> units(t.supportingUnitNames());
            case RESPONSIBLE -> responsible(t.responsible());
            case DEADLINE -> deadline(t);
            case STATUS -> messages.getMessage("task.status." + t.status(), null, t.status().name(), Locale.SIMPLIFIED_CHINESE);
        };
    }

    /** 2020年12月31日前全市城市建成区绿地率达到36%以上: the due date first, so the import reads it back. */
    static String targets(List<Indicator> indicators) {
        List<String> lines = new ArrayList<>();
        for (Indicator i : indicators) {
            String phrase = i.phrase() != null && !i.phrase().isBlank() ? i.phrase()
                    : i.name() + switch (i.comparator()) {
                        case AT_LEAST -> "不低于";
                        case AT_MOST -> "不超过";
                        case EQUAL -> "为";
                    } + i.targetValue().stripTrailingZeros().toPlainString() + (i.unitOfMeasure() == null ? "" : i.unitOfMeasure());
            lines.add((i.dueOn() == null ? "" : ChineseDates.due(i.dueOn())) + phrase);
        }
        return String.join("；\n", lines);
    }

    /** 市发展改革委、市财政局; with commas where 、 would make the parser read other units. */
    static String units(List<String> names) {
        String joined = String.join("、", names);
        List<String> reread = UnitNameNormalizer.normalize(joined).stream().map(UnitMention::name).toList();
        return reread.equals(names) ? joined : String.join("，", names);
    }

    private static String responsible(ResponsiblePerson p) {
        if (p == null || p.name() == null) {
            return "";
        }
        return p.post() == null || p.post().isBlank() ? p.name() : p.name() + "（" + p.post() + "）";
    }

    /** One line per milestone (2017年12月31日前：完成…), then 长期坚持 for an ongoing task. */
    static String deadline(TaskDetail t) {
        List<String> lines = new ArrayList<>();
        String title = t.title();
        for (Milestone m : t.milestones()) {
            String due = ChineseDates.due(m.dueOn());
            String d = m.deliverable();
            boolean own = d != null && !d.isBlank() && !d.equals(title) && !d.equals(m.phrase());
            lines.add(own ? due + "：" + d : due);
        }
        if (t.ongoing()) {
            lines.add("长期坚持");
        }
        return String.join("\n", lines);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle body;
        final CellStyle centered;

        Styles(SXSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            titleFont.setFontName("宋体");
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            bold.setFontHeightInPoints((short) 11);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);

            Font plain = wb.createFont();
            plain.setFontName("宋体");
            plain.setFontHeightInPoints((short) 10);
            body = bordered(wb);
            body.setFont(plain);
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            centered = bordered(wb);
            centered.setFont(plain);
            centered.setWrapText(true);
            centered.setAlignment(HorizontalAlignment.CENTER);
            centered.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
