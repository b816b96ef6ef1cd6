package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Properties of the table reader over generated tables (see {@link Property} for the harness). A table is
 * written as a string so the harness can shrink it: rows on {@code \n}, cells on {@code |}, a cell starting
 * with {@code ^} merged down from the cell above.
 */
class TaskTableProperties {

    private static final List<String> HEADERS = List.of("序号", "反馈问题", "整改任务", "整改目标", "整改措施",
        "责任领导", "责任单位", "牵头单位", "配合单位", "整改时限", "完成时限", "备注", "序 号", "责任单位（牵头）");

    private static final List<String> TOKENS = List.of("一、", "（一）", "1.", "3、", "12", "1000", "", " ",
        "（责任单位：", "责任单位：", "配合单位：", "整改时限：", "；", "，", "、", "）", "(", "\n", "。", "市财政局",
        "财政局", "各县区", "党委", "政府", "临翔区", "县住房城乡建设局", "2017年底前", "年底前", "6月底前", "春节前",
        "反馈后3个月内", "每年3月底前", "2018—2020年", "长期坚持", "立行立改", "持续推进", "完成排查整治", "x", "\t");

    static String table(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int columns = 1 + r.nextInt(8);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add(r.nextInt(6) == 0 ? Property.pick(r, TOKENS) : Property.pick(r, HEADERS));
        }
        b.append(String.join("|", header));
        int rows = r.nextInt(12);
        for (int i = 0; i < rows; i++) {
            b.append('\n');
            if (r.nextInt(8) == 0) {
                b.append(String.join("|", header)); // the header again
                continue;
            }
            int cells = r.nextInt(5) == 0 ? 1 : columns;
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    b.append('|');
                }
                if (r.nextInt(6) == 0) {
                    b.append('^');
                }
                int n = r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    b.append(Property.pick(r, TOKENS).replace("\n", " "));
                }
            }
        }
        return b.toString();
    }

    static List<List<TaskTable.Cell>> rows(String encoded) {
        List<List<TaskTable.Cell>> rows = new ArrayList<>();
        for (String line : encoded.split("\n", -1)) {
            List<TaskTable.Cell> cells = new ArrayList<>();
            for (String c : line.split("\\|", -1)) {
                boolean merged = c.startsWith("^");
                cells.add(new TaskTable.Cell(merged ? c.substring(1) : c, merged));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void any_table_reads_without_throwing_and_its_text_parses_without_throwing() {
        Property.forAll(TaskTableProperties::table, encoded -> {
            TaskTable.Document doc = new TaskTable.Document();
            String text = doc.render(rows(encoded));
            String more = doc.render(rows(encoded.substring(encoded.indexOf('\n') + 1))); // a continuation
            if (text != null) {
                DraftPlan plan = new PlanParser().parse(text + (more == null ? "" : more), UnitResolver.NONE);
                assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.sourceEnd()).isBetween(t.sourceStart(),
                    (text + (more == null ? "" : more)).length()));
            }
        });
    }

    @Test
    void every_row_with_a_lead_unit_is_a_task_carrying_it() {
        Property.forAll(TaskTableProperties::table, encoded -> {
            String text = TaskTable.render(rows(encoded));
            if (text == null) {
                return;
            }
            DraftPlan plan = new PlanParser().parse(text, UnitResolver.NONE);
            for (ResponsibilityAnnotation a : ResponsibilityAnnotation.findAll(TextFold.fold(text))) {
                List<String> lead = new ArrayList<>();
                a.texts(ResponsibilityAnnotation.Role.LEAD)
                    .forEach(s -> UnitNameNormalizer.normalize(s).forEach(u -> lead.add(u.name())));
                assertThat(plan.tasks()).as("annotation at %d", a.start()).anySatisfy(t -> {
                    assertThat(t.sourceStart()).isLessThanOrEqualTo(a.start());
                    assertThat(t.sourceEnd()).isGreaterThanOrEqualTo(a.end());
                    assertThat(t.leadUnits()).extracting(UnitMention::name).containsAll(lead);
                });
            }
        });
    }

    @Test
    void every_mention_of_a_table_is_resolved_or_listed_for_review() {
        UnitResolver half = (name, group) -> (name.hashCode() & 1) == 0
            ? Optional.of(new UnitMention(name, group, (long) name.hashCode()))
            : Optional.empty();
        Property.forAll(TaskTableProperties::table, encoded -> {
            String text = TaskTable.render(rows(encoded));
            if (text == null) {
                return;
            }
            DraftPlan plan = new PlanParser().parse(text, half);
            List<UnresolvedMention> expected = new ArrayList<>();
            for (DraftTask t : plan.tasks()) {
                List<UnitMention> all = new ArrayList<>(t.leadUnits());
                all.addAll(t.supportingUnits());
                for (UnitMention u : all) {
                    if (u.unitId() == null) {
                        expected.add(new UnresolvedMention(t.ref(), u.name()));
                    }
                }
            }
            assertThat(plan.unresolved()).containsExactlyElementsOf(expected);
        });
    }
}
