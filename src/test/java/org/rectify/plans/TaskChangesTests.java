package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fields an edit changes, as the task history names them: plain values, no database. */
class TaskChangesTests {

    private static final Indicator STORED = new Indicator("绿地率", Indicator.Comparator.AT_LEAST, new BigDecimal("36.00"), "%",
            LocalDate.of(2020, 12, 31), new BigDecimal("30.0"), "绿地率达到36%以上");
    private static final ResponsiblePerson ZHANG = new ResponsiblePerson("张三", "局长", 1L, "13800000000");

    @Test
    void a_change_of_the_responsible_person_alone_is_logged_as_that_alone() {
        Indicator typedAgain = new Indicator("绿地率", Indicator.Comparator.AT_LEAST, new BigDecimal("36"), "%",
                LocalDate.of(2020, 12, 31), new BigDecimal("30"), "绿地率达到36%以上");
        ResponsiblePerson li = new ResponsiblePerson("李四", "副局长", 1L, "13900000000");

        assertThat(TaskChanges.between(before(), after(li, typedAgain), List.of(1L), List.of())).containsExactly("responsible");
    }

    @Test
    void an_unchanged_edit_changes_nothing_and_a_new_target_is_an_indicator_change() {
        assertThat(TaskChanges.between(before(), after(ZHANG, STORED), List.of(1L), List.of())).isEmpty();
        Indicator raised = new Indicator("绿地率", Indicator.Comparator.AT_LEAST, new BigDecimal("38"), "%",
                LocalDate.of(2020, 12, 31), new BigDecimal("30"), "绿地率达到36%以上");
        assertThat(TaskChanges.between(before(), after(ZHANG, raised), List.of(1L), List.of())).containsExactly("indicators");
    }

    private static TaskDetail before() {
        return new TaskDetail(1, 1, "方案", "一(1)", "标题", "内容", null, TaskStatus.values()[0], false,
                LocalDate.of(2020, 12, 31), 1, List.of(new AssignedUnit(1, "市环境保护局", null, null)), List.of(),
                1L, ZHANG, List.of(), List.of(STORED), List.of(), List.of());
    }

    private static TaskContent after(ResponsiblePerson responsible, Indicator indicator) {
        return new TaskContent(1, "一(1)", "标题", "内容", null, new UnitAssignment(List.of(1L), List.of()), null,
                responsible, List.of(), List.of(indicator), List.of(), false);
    }
}
