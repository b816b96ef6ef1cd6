package org.rectify.insight.internal;

import org.junit.jupiter.api.Test;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskRefs;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTallyTests {

    @Test
    void a_reference_is_counted_under_the_top_level_section_whose_ledger_filter_lists_it() {
        for (String ref : List.of("二", "二(三)", "二(三)1", "六1", "六12", "十一(二)")) {
            String section = TaskTally.section(ref);
            assertThat(TaskRefs.within(ref, section)).as(ref).isTrue();
        }
        // the ledger's section filter lists these under no top-level section
        assertThat(TaskTally.section("六1(二)")).isEmpty();
        assertThat(TaskTally.section("六1a")).isEmpty();
        assertThat(TaskTally.section("二(三)")).isEqualTo("二");
    }

    @Test
    void a_top_level_section_and_an_item_below_it_are_answered_from_the_kept_counts_and_nothing_deeper() {
        assertThat(TaskTally.isTopLevelSection(null)).isTrue();
        assertThat(TaskTally.isTopLevelSection("二")).isTrue();
        assertThat(TaskTally.isTopLevelSection("二(三)")).isFalse();
        assertThat(TaskTally.isTopLevelSection("六1")).isFalse();
        assertThat(TaskTally.isTopLevelSection("")).isFalse();
        assertThat(TaskTally.isItem("二(三)")).isTrue();
        assertThat(TaskTally.isItem("二（三）")).as("full-width brackets, as the ledger reads them").isTrue();
        assertThat(TaskTally.isItem("六1")).isTrue();
        assertThat(TaskTally.isItem("1")).as("the generator's numbered tasks").isTrue();
        assertThat(TaskTally.isItem("二")).isFalse();
        assertThat(TaskTally.isItem("二(三)1")).isFalse();
        assertThat(TaskTally.isItem("六12")).isFalse();
        assertThat(TaskTally.isItem(null)).isFalse();
    }

    @Test
    void a_task_is_counted_under_the_item_whose_ledger_filter_lists_it() {
        assertThat(TaskTally.item("二(三)1")).isEqualTo("二(三)");
        assertThat(TaskTally.item("二(三)")).isEqualTo("二(三)");
        assertThat(TaskTally.item("六12")).isEqualTo("六1");
        assertThat(TaskTally.item("六1(二)")).isEqualTo("六1");
        assertThat(TaskTally.item("123")).isEqualTo("1");
        assertThat(TaskTally.item("T7")).isEqualTo("T7");
        // the ledger's filter 六1 does not list 六1a (a sub-item is digits only): no item
        assertThat(TaskTally.item("六1a")).isEmpty();
        assertThat(TaskTally.item("二")).isEmpty();
        assertThat(TaskTally.item("二(三")).isEmpty();
    }

    @Test
    void a_task_is_counted_once_under_every_key_that_sees_it() {
        TaskTally t = TaskTally.of(7, 1, "二1", "IN_PROGRESS", null, "RED", LocalDate.of(2026, 5, 20), null,
                List.of("/1/", "/1/4/", "/1/4/9/"), List.of("/1/", "/1/4/", "/1/4/9/", "/1/2/"), List.of("/1/", "/1/4/", "/1/4/9/"));
        assertThat(t.keys()).containsExactly("A", "O/1/", "O/1/4/", "O/1/4/9/", "O/1/2/", "U/1/", "U/1/4/", "U/1/4/9/",
                "L/1/", "L/1/4/", "L/1/4/9/");
        assertThat(t.schedule()).isEmpty();
        assertThat(t.dueMonth()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(TaskTally.of(DataScope.ofJurisdiction("/1/4/"))).isEqualTo("O/1/4/");
        assertThat(TaskTally.of(DataScope.ofUnit("/1/4/9/"))).isEqualTo("U/1/4/9/");
        assertThat(TaskTally.of(DataScope.ALL)).isEqualTo("A");
    }

    @Test
    void a_lead_units_reporting_is_read_by_its_own_scopes_and_those_above_it_and_by_the_offices_governing_the_plan() {
        // a county department on a city plan: the county (and its department) read it, so do the city and the province;
        // a sibling county does not
        assertThat(TaskTally.reportKeys("/1/4/9/", "/1/4/")).containsExactly("A", "O/1/", "U/1/", "O/1/4/", "U/1/4/",
                "O/1/4/9/", "U/1/4/9/");
        // a city department on a county's plan: the county's office reads it (it governs the plan), the county's staff do not
        assertThat(TaskTally.reportKeys("/1/2/", "/1/4/9/")).containsExactly("A", "O/1/", "U/1/", "O/1/2/", "U/1/2/",
                "O/1/4/", "O/1/4/9/").doesNotContain("U/1/4/9/");
    }

    @Test
    void a_change_of_level_is_counted_in_the_week_of_its_day_from_monday() {
        assertThat(TaskTally.levelWeek(LocalDate.of(2026, 12, 3), "RED")).isEqualTo("2026-11-30:RED");
        assertThat(TaskTally.levelWeek(LocalDate.of(2026, 11, 30), "BLUE")).isEqualTo("2026-11-30:BLUE");
        assertThat(TaskTally.levelWeek(LocalDate.of(2026, 12, 6), "YELLOW")).isEqualTo("2026-11-30:YELLOW");
    }
}
