package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** A plan whose task list is a table in the .docx reads as the same draft as its running text. */
class TaskTableTests {

    private static final String[] HEADER = {"序号", "整改任务", "责任领导", "责任单位", "配合单位", "整改时限"};

    @Test
    void the_seed_written_as_a_docx_table_gives_the_same_draft_as_its_text() throws IOException {
        String text = LincangPlanTests.seed();
        DraftPlan fromText = new PlanParser().parse(text, UnitResolver.NONE);
        byte[] docx = seedAsTable(text, fromText);

        DraftPlan fromTable = new PlanParser().parse(PlanText.read(docx), UnitResolver.NONE);

        assertThat(fromTable.tasks()).hasSize(22);
        assertThat(withoutOffsets(fromTable.tasks())).containsExactlyElementsOf(withoutOffsets(fromText.tasks()));
        assertThat(fromTable.unresolved()).containsExactlyElementsOf(fromText.unresolved());
        assertThat(fromTable.title()).isEqualTo(fromText.title());
    }

    @Test
    void a_finding_merged_down_over_its_rows_is_a_section_and_the_repeated_header_is_skipped() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("某县整改方案");
            XWPFTable t = doc.createTable(1, 5);
            fill(t.getRow(0), "序号", "反馈问题", "整改措施", "责任单位", "整改时限");
            row(t, "1", "一些城镇污水处理设施不完善", "2018年底前完成污水处理厂提标改造。", "县住房城乡建设局", "");
            XWPFTableRow r2 = row(t, "2", "", "加强管网建设;\n年底前完成雨污分流。", "县住房城乡建设局、县财政局", "");
            merge(r2.getCell(1));
            row(t, "序号", "反馈问题", "整改措施", "责任单位", "整改时限"); // the header again, on page 2
            row(t, "3", "畜禽养殖污染", "依法关闭禁养区内养殖场。", "县农业农村局", "2019年6月底前");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            DraftPlan plan = new PlanParser().parse(PlanText.read(out.toByteArray()), UnitResolver.NONE,
                new PlanDates(null, java.time.LocalDate.parse("2018-03-01")));

            assertThat(plan.tasks()).extracting(DraftTask::ref).containsExactly("一1", "一2", "二3");
            DraftTask second = plan.tasks().get(1);
            assertThat(second.text()).isEqualTo("加强管网建设;\n年底前完成雨污分流。");
            assertThat(second.leadUnits()).extracting(UnitMention::name).containsExactly("县住房城乡建设局", "县财政局");
            assertThat(second.deadlines()).extracting(Deadline::date).containsExactly(java.time.LocalDate.parse("2018-12-31"));
            assertThat(plan.tasks().get(2).deadlines()).extracting(Deadline::date)
                .containsExactly(java.time.LocalDate.parse("2019-06-30"));
        }
    }

    @Test
    void a_list_split_over_several_tables_goes_on_in_the_table_without_a_header() {
        TaskTable.Document doc = new TaskTable.Document();
        String first = doc.render(List.of(cells("序号", "整改措施", "责任单位"), cells("1", "完成排查。", "县生态环境局")));
        String second = doc.render(List.of(cells("2", "完成整治。", "县水务局")));
        DraftPlan plan = new PlanParser().parse("一、任务\n" + first + second, UnitResolver.NONE);
        assertThat(plan.tasks()).extracting(DraftTask::ref).containsExactly("一1", "一2");
        assertThat(plan.tasks().get(1).leadUnits()).extracting(UnitMention::name).containsExactly("县水务局");
    }

    @Test
    void findings_under_heading_rows_are_numbered_under_each_heading_not_beside_it() {
        TaskTable.Document doc = new TaskTable.Document();
        String text = doc.render(List.of(
            cells("序号", "反馈问题", "整改措施", "责任单位", "整改时限"),
            List.of(new TaskTable.Cell("一、水污染防治", false)),
            cells("1", "污水处理设施不完善", "完成提标改造。", "县住房城乡建设局", "2018年底前"),
            cells("2", "饮用水源地保护不力", "完成保护区划定。", "县生态环境局", "2018年底前"),
            List.of(new TaskTable.Cell("二、生态保护", false)),
            cells("3", "违规建设问题突出", "清理违规建筑。", "县林业和草原局", "2019年底前")));
        assertThat(text).contains("一、水污染防治\n（一）污水处理设施不完善\n1、", "（二）饮用水源地保护不力\n2、",
            "二、生态保护\n（一）违规建设问题突出\n3、");
        DraftPlan plan = new PlanParser().parse(text, UnitResolver.NONE);
        assertThat(plan.tasks()).extracting(DraftTask::ref).containsExactly("一(一)1", "一(二)2", "二(一)3");
    }

    @Test
    void without_a_task_column_the_measures_are_the_tasks_text_and_the_target_follows() {
        String text = TaskTable.render(List.of(
            cells("序号", "整改目标", "整改措施", "责任单位", "整改时限"),
            cells("1", "到2020年污水处理率达到95%以上", "完成污水处理厂提标改造。", "县住房城乡建设局", "2019年6月底前")));
        DraftTask t = new PlanParser().parse("一、任务\n" + text, UnitResolver.NONE).tasks().get(0);
        assertThat(t.text()).startsWith("完成污水处理厂提标改造。\n整改目标：到2020年污水处理率达到95%以上");
        assertThat(t.title()).isEqualTo("完成污水处理厂提标改造");
    }

    @Test
    void a_time_limit_repeating_a_date_the_text_gives_is_not_a_second_deadline() {
        String text = TaskTable.render(List.of(
            cells("序号", "整改措施", "责任单位", "整改时限"),
            cells("1", "2018年底前完成排查,2019年6月底前完成整治。", "县生态环境局", "2019年6月底前")));
        DraftTask t = new PlanParser().parse("一、任务\n" + text, UnitResolver.NONE).tasks().get(0);
        assertThat(t.deadlines()).extracting(Deadline::phrase, Deadline::deliverable).containsExactly(
            org.assertj.core.groups.Tuple.tuple("2018年底前", "完成排查"),
            org.assertj.core.groups.Tuple.tuple("2019年6月底前", "完成整治"));
    }

    private static List<TaskTable.Cell> cells(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new TaskTable.Cell(t, false)).toList();
    }

    @Test
    void a_1000_row_table_plan_gives_1000_tasks_each_with_its_units_and_dates() throws IOException {
        DraftPlan plan = new PlanParser().parse(PlanText.read(TablePlans.docx(1000)), UnitResolver.NONE);
        assertThat(plan.tasks()).hasSize(1000);
        assertThat(plan.tasks()).allSatisfy(t -> {
            assertThat(t.leadUnits()).extracting(UnitMention::name).containsExactly("省住房城乡建设厅", "省生态环境厅");
            assertThat(t.leaders()).containsExactly("副省长");
        });
        assertThat(plan.tasks().get(0).ref()).isEqualTo("一1");
        assertThat(plan.tasks().get(999).ref()).isEqualTo("一百1000");
    }

    @Test
    void a_table_without_a_task_header_stays_rows_of_cells() {
        assertThat(TaskTable.render(List.of(List.of(new TaskTable.Cell("姓名", false), new TaskTable.Cell("电话", false)))))
            .isNull();
    }

    // --- the seed as a table

    /** The seed's preamble as paragraphs, then one table: a merged row per heading, a row per task. */
    private static byte[] seedAsTable(String text, DraftPlan fromText) throws IOException {
        String folded = TextFold.fold(text);
        List<PlanStructure.Node> nodes = PlanStructure.split(folded);
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : text.substring(0, nodes.get(0).ownEnd()).split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            XWPFTable table = doc.createTable(1, HEADER.length);
            fill(table.getRow(0), HEADER);
            table.getRow(0).setRepeatHeader(true);
            int taskEnd = -1;
            for (int i = 1; i < nodes.size(); i++) {
                PlanStructure.Node n = nodes.get(i);
                if (n.start() < taskEnd) {
                    continue; // a sub-item the task above owns: its text is in that task's cell
                }
                DraftTask task = taskAt(fromText, n);
                if (task == null) {
                    XWPFTableRow heading = table.createRow();
                    fill(heading, text.substring(n.start(), n.ownEnd()).strip());
                    span(heading, HEADER.length);
                    continue;
                }
                taskEnd = task.sourceEnd();
                row(table, text.substring(n.start(), n.contentStart()).strip(), task.text(),
                    String.join("、", task.leaders()), names(task.leadUnits()), names(task.supportingUnits()), "");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static DraftTask taskAt(DraftPlan plan, PlanStructure.Node n) {
        return plan.tasks().stream().filter(t -> t.sourceStart() == n.start()).findFirst().orElse(null);
    }

    private static String names(List<UnitMention> units) {
        return units.stream().map(UnitMention::name).collect(Collectors.joining("、"));
    }

    private static List<DraftTask> withoutOffsets(List<DraftTask> tasks) {
        List<DraftTask> out = new ArrayList<>();
        for (DraftTask t : tasks) {
            out.add(new DraftTask(t.ref(), t.title(), t.text(), t.leadUnits(), t.supportingUnits(), t.deadlines(),
                t.ongoing(), t.immediate(), t.indicators(), t.obligations(), t.leaders(), 0, 0));
        }
        return out;
    }

    // --- building tables with POI

    private static XWPFTableRow row(XWPFTable t, String... cells) {
        XWPFTableRow r = t.createRow();
        fill(r, cells);
        return r;
    }

    /** Cell text; a \n starts a new paragraph in the cell. */
    private static void fill(XWPFTableRow r, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell c = r.getCell(i) != null ? r.getCell(i) : r.addNewTableCell();
            String[] paragraphs = cells[i].split("\n", -1);
            c.getParagraphs().get(0).createRun().setText(paragraphs[0]);
            for (int p = 1; p < paragraphs.length; p++) {
                c.addParagraph().createRun().setText(paragraphs[p]);
            }
        }
    }

    /** One cell across the row: the first cell spans them all, the others go. */
    private static void span(XWPFTableRow r, int columns) {
        while (r.getTableCells().size() > 1) {
            r.removeCell(r.getTableCells().size() - 1);
        }
        CTTcPr pr = r.getCell(0).getCTTc().isSetTcPr() ? r.getCell(0).getCTTc().getTcPr()
            : r.getCell(0).getCTTc().addNewTcPr();
        pr.addNewGridSpan().setVal(BigInteger.valueOf(columns));
    }

    private static void merge(XWPFTableCell below) {
        CTTcPr pr = below.getCTTc().isSetTcPr() ? below.getCTTc().getTcPr() : below.getCTTc().addNewTcPr();
        pr.addNewVMerge().setVal(STMerge.CONTINUE);
    }
}
