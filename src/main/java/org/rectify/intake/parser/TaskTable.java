package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plan's task list written as a table (附件：整改任务清单), turned into the running text the parser reads, so
 * a table and a text of the same plan give the same draft. A header row names the columns (序号, 反馈问题,
 * 整改任务, 整改目标, 整改措施, 责任领导, 责任单位, 配合单位, 整改时限 and their variants); a row with one cell
 * (merged across) is a heading; a cell merged down from the row above repeats its text; the header row repeated
 * on every page is skipped. Each task row becomes one outline item: its 序号 as the marker, its text, then its
 * units and time limit as a responsibility annotation. A table without such a header is not a task table.
 */
public final class TaskTable {

    /** One cell as the document has it. */
    public record Cell(String text, boolean mergedFromAbove) {
    }

    enum Column {
        REF("序号", "编号"),
        FINDING("反馈问题", "反馈意见", "存在问题", "问题"),
        TASK("整改任务", "任务", "任务内容", "整改事项"),
        TARGET("整改目标", "目标"),
        MEASURES("整改措施", "措施", "具体措施"),
        LEADER("责任领导", "牵头领导", "分管领导", "责任人"),
        LEAD("责任单位", "牵头单位", "主要责任单位", "责任部门", "牵头部门"),
        SUPPORTING("配合单位", "协办单位", "配合部门"),
        DEADLINE("整改时限", "完成时限", "整改期限", "完成时间", "时限");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column of(String header) {
            String h = HINT.matcher(TextFold.key(header == null ? "" : header)).replaceAll("");
            for (Column c : values()) {
                if (c.names.contains(h)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final Pattern HINT = Pattern.compile("\\([^()]*\\)|\\*");
    /** A 序号 already written as an outline marker: 一、 (一) 1. 1、 */
    private static final Pattern MARKER = Pattern.compile(
        "^(?:[一二三四五六七八九十百]+、|\\([一二三四五六七八九十百]+\\)|\\d{1,4}[.、．])");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,4}$");

    private TaskTable() {
    }

    /** The columns of a header row, by position, or null when the row is not a task table's header. */
    static Column[] header(List<Cell> row) {
        Column[] columns = new Column[row.size()];
        Map<Column, Boolean> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < row.size(); i++) {
            Column c = Column.of(row.get(i).text());
            if (c != null && seen.putIfAbsent(c, true) == null) {
                columns[i] = c;
            }
        }
        boolean units = seen.containsKey(Column.LEAD);
        boolean task = seen.containsKey(Column.TASK) || seen.containsKey(Column.MEASURES)
            || seen.containsKey(Column.TARGET) || seen.containsKey(Column.FINDING);
        return units && task ? columns : null;
    }

    /**
     * The running text of a table, or null when it has no task-table header.
     *
     * @param rows the table's rows, cells in order
     */
    public static String render(List<List<Cell>> rows) {
        return new Document().render(rows);
    }

    /**
     * The task tables of one document, read in order: a table without a header that has as many columns as the
     * task table before it continues that one (a list split over several tables), and sections keep counting.
     */
    public static final class Document {

        private Column[] columns;
        private List<String> headerTexts;
        private String finding;
        private int findings;
        /** A heading row was seen: findings are sections under it, （一）（二）…, counted anew under each heading. */
        private boolean headed;

        /** The running text of the next table, or null when it is not a task table. */
        public String render(List<List<Cell>> rows) {
            if (rows == null || rows.isEmpty()) {
                return null;
            }
            int at = 0;
            Column[] found = null;
            while (at < rows.size() && found == null) {
                found = header(rows.get(at) == null ? List.of() : rows.get(at));
                at++;
            }
            if (found != null) {
                columns = found;
                headerTexts = texts(rows.get(at - 1));
            } else if (columns != null && rows.get(0) != null && rows.get(0).size() == columns.length) {
                at = 0; // the list goes on in another table
            } else {
                return null;
            }
            return rows(rows, at);
        }

        private String rows(List<List<Cell>> rows, int at) {
            return TaskTable.rows(rows, at, columns, headerTexts, this);
        }
    }

    private static String rows(List<List<Cell>> rows, int at, Column[] columns, List<String> headerTexts,
                               Document state) {
        StringBuilder b = new StringBuilder();
        String[] above = new String[columns.length];
        String finding = state.finding;
        int findings = state.findings;
        boolean headed = state.headed;
        for (int r = at; r < rows.size(); r++) {
            List<Cell> row = rows.get(r) == null ? List.of() : rows.get(r);
            if (texts(row).equals(headerTexts)) {
                continue; // the header again, on the next page
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                String t = c == null || c.text() == null ? "" : c.text().strip();
                if (c != null && c.mergedFromAbove() && i < above.length && above[i] != null) {
                    t = above[i];
                }
                cells.add(t);
                if (i < above.length) {
                    above[i] = t;
                }
            }
            List<String> filled = cells.stream().filter(s -> !s.isEmpty()).distinct().toList();
            if (filled.isEmpty()) {
                continue;
            }
            if (filled.size() == 1 && row.size() < columns.length || filled.size() == 1 && cell(cells, columns,
                Column.LEAD).isEmpty()) {
                b.append(filled.get(0)).append('\n'); // a heading row, merged across
                headed = true;
                finding = null;
                findings = 0;
                continue;
            }
            String f = cell(cells, columns, Column.FINDING);
            if (!f.isEmpty() && !f.equals(finding)) {
                finding = f;
                findings++;
                String marker = headed ? "（" + ChineseNumerals.format(findings) + "）" : ChineseNumerals.format(findings) + "、";
                b.append(MARKER.matcher(TextFold.fold(f)).find() ? f : marker + f)
                    .append('\n'); // a finding merged down over its tasks is a section (under the heading row's)
            }
            b.append(item(cells, columns)).append('\n');
        }
        state.finding = finding;
        state.findings = findings;
        state.headed = headed;
        return b.toString();
    }

    private static String item(List<String> cells, Column[] columns) {
        String ref = cell(cells, columns, Column.REF);
        String marker = ref.isEmpty() ? "" : MARKER.matcher(TextFold.fold(ref)).find() ? ref
            : NUMBER.matcher(ref).matches() ? ref + "、" : ref + " ";
        StringBuilder text = new StringBuilder();
        String task = cell(cells, columns, Column.TASK);
        String target = cell(cells, columns, Column.TARGET);
        String measures = cell(cells, columns, Column.MEASURES);
        text.append(task);
        if (!measures.isEmpty()) { // without a 整改任务 the measures are the task: they come first, and give its title
            text.append(text.isEmpty() ? "" : "\n整改措施：").append(measures);
        }
        if (!target.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n整改目标：").append(target);
        }
        StringBuilder note = new StringBuilder();
        label(note, "责任领导", cell(cells, columns, Column.LEADER));
        label(note, "责任单位", cell(cells, columns, Column.LEAD));
        label(note, "配合单位", cell(cells, columns, Column.SUPPORTING));
        label(note, "整改时限", cell(cells, columns, Column.DEADLINE));
        if (!marker.isEmpty() && !text.isEmpty() && Character.isDigit(TextFold.fold(text.substring(0, 1)).charAt(0))) {
            marker += " "; // 1、 2018年底前…: a digit right after the marker would make it a number
        }
        return marker + text + (note.isEmpty() ? "" : "（" + note + "）");
    }

    private static void label(StringBuilder note, String label, String value) {
        if (!value.isEmpty()) {
            note.append(note.isEmpty() ? "" : "；").append(label).append("：").append(value.replace('\n', '、'));
        }
    }

    private static String cell(List<String> cells, Column[] columns, Column wanted) {
        for (int i = 0; i < columns.length && i < cells.size(); i++) {
            if (columns[i] == wanted) {
                return cells.get(i);
            }
        }
        return "";
    }

    private static List<String> texts(List<Cell> row) {
        List<String> out = new ArrayList<>(row.size());
        for (Cell c : row) {
            out.add(c == null || c.text() == null ? "" : TextFold.key(c.text()));
        }
        return out;
    }
}
